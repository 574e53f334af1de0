package io.hireflow.pipeline;

import java.util.List;

/**
 * A word about an application from a module the pipeline does not know (an assignment scheduled, handed in,
 * reviewed…), for its board card and its page.
 *
 * @param code      the message key of the text
 * @param arguments the text's arguments, written out already (a time in the organization's zone, a count)
 * @param tone      how the badge looks
 * @param panel     the address of a fragment with the details, which the application page loads into itself; null
 *                  for none
 */
public record ApplicationBadge(String code, List<String> arguments, Tone tone, String panel) {

    public ApplicationBadge {
        arguments = List.copyOf(arguments);
    }

    /** The arguments as the page's message lookup takes them. */
    public Object[] args() {
        return arguments.toArray();
    }

    /** How a badge looks. */
    public enum Tone {
        /** Waiting for a time or for the candidate. */
        WAITING,
        /** Waiting for the staff. */
        ATTENTION,
        /** Done. */
        DONE,
        /** Gone wrong or run out. */
        WARNING,
        /** No longer matters. */
        MUTED
    }
}
