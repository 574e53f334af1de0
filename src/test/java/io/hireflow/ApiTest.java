package io.hireflow;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;

/** A test against the whole application on a random port, over HTTP, on the (embedded or external) PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @Autowired
    protected Environment environment;

    protected int port;
    protected TestOrganizations organizations;

    @BeforeEach
    void connect() {
        port = Integer.parseInt(environment.getProperty("local.server.port"));
        organizations = new TestOrganizations(port);
    }
}
