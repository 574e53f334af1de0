package io.hireflow.notifications;

import java.time.Duration;
import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Where and how to reach the SMTP server, read from Spring Mail's sender as Spring Boot configures it from its
 * settings: {@code spring.mail.host}, {@code port}, {@code username}, {@code password}, {@code protocol} ({@code
 * smtps} for TLS from the first byte) and the {@code spring.mail.properties.mail.smtp.*} time-outs and STARTTLS
 * switches.
 */
record SmtpSettings(String host, int port, boolean implicitTls, boolean startTls, boolean startTlsRequired,
        String username, String password, Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
        String heloName) {

    static SmtpSettings of(JavaMailSenderImpl mail, String from) {
        Properties properties = mail.getJavaMailProperties();
        boolean implicitTls = "smtps".equalsIgnoreCase(mail.getProtocol());
        int port = mail.getPort() > 0 ? mail.getPort() : implicitTls ? 465 : 25;
        return new SmtpSettings(mail.getHost(), port, implicitTls,
                flag(properties, "mail.smtp.starttls.enable"), flag(properties, "mail.smtp.starttls.required"),
                mail.getUsername(), mail.getPassword(), millis(properties, "mail.smtp.connectiontimeout", 10_000),
                millis(properties, "mail.smtp.timeout", 30_000), millis(properties, "mail.smtp.writetimeout", 30_000),
                properties.getProperty("mail.smtp.localhost", from.substring(from.lastIndexOf('@') + 1)));
    }

    private static boolean flag(Properties properties, String name) {
        return Boolean.parseBoolean(properties.getProperty(name, "false").trim());
    }

    private static Duration millis(Properties properties, String name, long otherwise) {
        String value = properties.getProperty(name);
        return Duration.ofMillis(value == null ? otherwise : Long.parseLong(value.trim()));
    }
}
