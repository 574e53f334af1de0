package io.hireflow.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.identity.IdentityManagement;
import io.hireflow.notifications.NotificationManagement.MessageFilter;
import io.hireflow.notifications.NotificationManagement.MessagePage;
import io.hireflow.notifications.NotificationManagement.SendMessage;
import io.hireflow.pipeline.JobApplicationId;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.shared.Languages;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * An application's delivery log, which its page loads with htmx (the pipeline module knows only the address), and
 * sending its candidate a message by hand: their own words, or the delay notice with a new date; now or at a minute.
 */
@Controller
class DeliveryLogController {

    static final int SHOWN = 20;
    private static final String FRAGMENT = "notifications/delivery-log :: log";

    private final NotificationManagement notifications;
    private final MessageTemplates templates;
    private final PipelineManagement pipeline;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final Clock clock;

    DeliveryLogController(NotificationManagement notifications, MessageTemplates templates,
            PipelineManagement pipeline, IdentityManagement identity, MessageSource messages, Clock clock) {
        this.notifications = notifications;
        this.templates = templates;
        this.pipeline = pipeline;
        this.identity = identity;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A message to send. {@code event} is FREE_FORM (the sender's subject and body) or DELAY_NOTICE (the template,
     * with {@code newExpectedDate}); {@code when} is {@code now} or {@code later} (at {@code sendAt}). The
     * idempotency key is new with each blank form, so a double click sends one message.
     */
    record SendForm(MessageEvent event, String subject, String body,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newExpectedDate, String when,
            @DateTimeFormat(pattern = MailboxController.MINUTE, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime sendAt, String idempotencyKey) {

        boolean later() {
            return "later".equals(when);
        }

        MessageEvent eventOrFreeForm() {
            return event == null ? MessageEvent.FREE_FORM : event;
        }
    }

    @GetMapping("/applications/{applicationId}/messages")
    @PreAuthorize(Role.STAFF)
    String log(Actor actor, @PathVariable UUID applicationId, Model model) {
        pipeline.application(actor.organizationId(), new JobApplicationId(applicationId));
        model.addAttribute("sendForm", blank(actor));
        return log(actor, applicationId, false, model);
    }

    @PostMapping("/applications/{applicationId}/messages")
    @PreAuthorize(Role.DECIDING)
    String send(Actor actor, @PathVariable UUID applicationId, @ModelAttribute("sendForm") SendForm form,
            BindingResult binding, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, Locale locale) {
        pipeline.application(actor.organizationId(), new JobApplicationId(applicationId));
        ZoneId zone = actor.timeZone();
        MessageEvent event = form.eventOrFreeForm();
        if (event == MessageEvent.DELAY_NOTICE && form.newExpectedDate() != null
                && form.newExpectedDate().isBefore(LocalDate.now(clock.withZone(zone)))) {
            binding.rejectValue("newExpectedDate", "validation.past");
        }
        if (form.later() && form.sendAt() == null && !binding.hasFieldErrors("sendAt")) {
            binding.rejectValue("sendAt", "validation.required");
        }
        if (!binding.hasErrors()) {
            boolean ownText = event == MessageEvent.FREE_FORM;
            try {
                OutboundMessage sent = notifications.send(actor, new SendMessage(applicationId, event,
                        ownText ? text(form.subject()) : null, ownText ? text(form.body()) : null,
                        event == MessageEvent.DELAY_NOTICE && form.newExpectedDate() != null
                                ? form.newExpectedDate().atStartOfDay(zone).toInstant() : null,
                        form.later() ? form.sendAt().atZone(zone).toInstant() : null, form.idempotencyKey()));
                boolean scheduled = sent.sendAt().isAfter(clock.instant());
                String notice = scheduled ? "notifications.send.scheduled" : "notifications.send.queued";
                Object[] arguments = {sent.recipientName(),
                        MailboxController.SHOWN.format(sent.sendAt().atZone(zone))};
                if (htmx == null) {
                    redirect.addFlashAttribute("notice", notice);
                    redirect.addFlashAttribute("noticeArgs", arguments);
                    return "redirect:/applications/{applicationId}";
                }
                model.addAttribute("sent", messages.getMessage(notice, arguments, locale));
                model.addAttribute("sendForm", blank(actor));
                return log(actor, applicationId, false, model);
            } catch (InvalidInputException refusal) {
                PageRefusals.beside(binding, refusal, model);
            }
        }
        if (htmx == null) {
            String why = binding.getAllErrors().isEmpty() ? ""
                    : messages.getMessage(binding.getAllErrors().get(0), locale);
            PageRefusals.flash(redirect, "notifications.send.refused", why);
            return "redirect:/applications/{applicationId}";
        }
        return log(actor, applicationId, true, model);
    }

    private String log(Actor actor, UUID applicationId, boolean formOpen, Model model) {
        MessagePage page = notifications.messages(actor, new MessageFilter(applicationId, null, null), null, SHOWN);
        model.addAttribute("applicationId", applicationId);
        model.addAttribute("messages", page.items());
        model.addAttribute("more", page.nextCursor() != null);
        model.addAttribute("now", clock.instant());
        model.addAttribute("earliest", MailboxController.earliest(clock, actor.timeZone()));
        model.addAttribute("today", LocalDate.now(clock.withZone(actor.timeZone())));
        model.addAttribute("formOpen", formOpen);
        model.addAttribute("variables", String.join(", ", MessageEvent.FREE_FORM.variables().stream()
                .map(variable -> "{{" + variable + "}}").toList()));
        return FRAGMENT;
    }

    /** A blank form: the organization's free-form template to write into, to go now. */
    private SendForm blank(Actor actor) {
        String language = Languages.of(identity.organization(actor.organizationId()).defaultLocale());
        MessageTemplate start = templates.template(actor.organizationId(), MessageEvent.FREE_FORM, language);
        LocalDateTime inAnHour = LocalDateTime.ofInstant(clock.instant(), actor.timeZone()).plusHours(1)
                .truncatedTo(ChronoUnit.HOURS);
        return new SendForm(MessageEvent.FREE_FORM, start.subject(), start.body(), null, "now", inAnHour,
                UUID.randomUUID().toString());
    }

    /** Staff writing their own message always send their own text: a blank field is refused, not templated. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
