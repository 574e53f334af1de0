package io.hireflow.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP when a mail host is configured ({@code spring.mail.host}), else the built-in mailbox. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSenderImpl> smtp, NotificationProperties properties) {
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        return sender == null ? new MailboxTransport()
                : new SmtpTransport(SmtpSettings.of(sender, properties.from()), properties.from());
    }
}
