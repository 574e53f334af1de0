package io.hireflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * What tests of whole nodes need: Hireflow started within the test with properties of its own (its own database
 * directory, say), stopped and started again; free ports; a mail server to send to.
 */
public final class TestNodes implements AutoCloseable {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /** Starts a node; {@link #close()} stops it if the test has not. */
    public ConfigurableApplicationContext start(Map<String, ?> properties) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(HireflowApplication.class)
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
        running.add(node);
        return node;
    }

    /** Stops a node, as an operator stops a server. */
    public void stop(ConfigurableApplicationContext node) {
        node.close();
        running.remove(node);
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started SMTP server (GreenMail) on the port. */
    public static GreenMail smtp(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
