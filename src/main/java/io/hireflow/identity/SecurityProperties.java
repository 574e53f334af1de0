package io.hireflow.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionAbsoluteTimeout a session ends this long after sign-in, however active (the idle time-out is
 *                               {@code spring.session.timeout})
 */
@ConfigurationProperties("hireflow.security")
record SecurityProperties(@DefaultValue("12h") Duration sessionAbsoluteTimeout) {
}
