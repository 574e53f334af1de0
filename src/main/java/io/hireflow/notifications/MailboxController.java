package io.hireflow.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.notifications.NotificationManagement.MessageFilter;
import io.hireflow.notifications.NotificationManagement.MessagePage;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.EnumNames;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;

/**
 * The mailbox: every message to the organization's candidates as they get it, searchable by address and status; one
 * message with its delivery state, and cancelling, rescheduling or retrying it.
 */
@Controller
class MailboxController {

    static final int PAGE = 50;
    /** How a {@code datetime-local} input writes a minute; browsers may add seconds. */
    static final String MINUTE = "yyyy-MM-dd'T'HH:mm";
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationManagement notifications;
    private final Clock clock;

    MailboxController(NotificationManagement notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A new send time, read in the organization's time zone. */
    record RescheduleForm(@NotNull(message = "{validation.required}")
            @DateTimeFormat(pattern = MINUTE, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime sendAt) {

        /** Its current send time while that is ahead; else the next full hour, a time it could still go at. */
        static RescheduleForm of(OutboundMessage message, ZoneId zone, Instant now) {
            if (message.sendAt().isAfter(now)) {
                return new RescheduleForm(LocalDateTime.ofInstant(message.sendAt(), zone)
                        .truncatedTo(ChronoUnit.MINUTES));
            }
            return new RescheduleForm(LocalDateTime.ofInstant(now, zone).plusHours(1).truncatedTo(ChronoUnit.HOURS));
        }
    }

    @GetMapping("/mailbox")
    @PreAuthorize(Role.STAFF)
    String mailbox(Actor actor, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String status, @RequestParam(required = false) UUID applicationId,
            @RequestParam(required = false) String cursor, Model model) {
        String search = recipient == null || recipient.isBlank() ? null : recipient.strip();
        MessageStatus chosen = EnumNames.parse(MessageStatus.class, status);
        MessageFilter filter = new MessageFilter(applicationId, search, chosen);
        MessagePage page;
        try {
            page = notifications.messages(actor, filter, cursor, PAGE);
        } catch (InvalidInputException notOurCursor) {
            // a cursor this list did not give out (edited by hand): start from the newest
            page = notifications.messages(actor, filter, null, PAGE);
            cursor = null;
        }
        model.addAttribute("messages", page.items());
        model.addAttribute("next", page.nextCursor());
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        model.addAttribute("recipient", search);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("applicationId", applicationId);
        model.addAttribute("now", clock.instant());
        return "notifications/mailbox";
    }

    @GetMapping("/mailbox/{messageId}")
    @PreAuthorize(Role.STAFF)
    String message(Actor actor, @PathVariable UUID messageId, Model model) {
        OutboundMessage message = notifications.message(actor, messageId);
        model.addAttribute("rescheduleForm", RescheduleForm.of(message, actor.timeZone(), clock.instant()));
        return page(actor, message, model);
    }

    @PostMapping("/mailbox/{messageId}/cancel")
    @PreAuthorize(Role.DECIDING)
    String cancel(Actor actor, @PathVariable UUID messageId, RedirectAttributes redirect) {
        try {
            notifications.cancel(actor, messageId);
            redirect.addFlashAttribute("notice", "notifications.message.cancelled");
        } catch (ConflictException refusal) {
            flash(redirect, refusal);
        }
        return "redirect:/mailbox/{messageId}";
    }

    @PostMapping("/mailbox/{messageId}/reschedule")
    @PreAuthorize(Role.DECIDING)
    String reschedule(Actor actor, @PathVariable UUID messageId,
            @Valid @ModelAttribute("rescheduleForm") RescheduleForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                OutboundMessage moved = notifications.reschedule(actor, messageId,
                        form.sendAt().atZone(actor.timeZone()).toInstant());
                redirect.addFlashAttribute("notice", "notifications.message.rescheduled");
                redirect.addFlashAttribute("noticeArgs",
                        new Object[] {SHOWN.format(moved.sendAt().atZone(actor.timeZone()))});
                return "redirect:/mailbox/{messageId}";
            } catch (InvalidInputException refusal) {
                PageRefusals.beside(binding, refusal, model);
            } catch (ConflictException refusal) {
                flash(redirect, refusal);
                return "redirect:/mailbox/{messageId}";
            }
        }
        return page(actor, notifications.message(actor, messageId), model);
    }

    @PostMapping("/mailbox/{messageId}/retry")
    @PreAuthorize(Role.ADMINISTRATING)
    String retry(Actor actor, @PathVariable UUID messageId, RedirectAttributes redirect) {
        try {
            notifications.retry(actor, messageId);
            redirect.addFlashAttribute("notice", "notifications.message.retried");
        } catch (ConflictException refusal) {
            flash(redirect, refusal);
        }
        return "redirect:/mailbox/{messageId}";
    }

    private String page(Actor actor, OutboundMessage message, Model model) {
        model.addAttribute("message", message);
        model.addAttribute("now", clock.instant());
        model.addAttribute("earliest", earliest(clock, actor.timeZone()));
        return "notifications/message";
    }

    /** The first minute a message can still be sent at, as a {@code datetime-local} input's {@code min}. */
    static String earliest(Clock clock, ZoneId zone) {
        return DateTimeFormatter.ofPattern(MINUTE).format(LocalDateTime.ofInstant(clock.instant(), zone));
    }

    private static void flash(RedirectAttributes redirect, ConflictException refusal) {
        redirect.addFlashAttribute("problem", refusal.code());
        redirect.addFlashAttribute("problemArgs", refusal.arguments());
    }
}
