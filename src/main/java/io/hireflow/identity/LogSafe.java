package io.hireflow.identity;

/** Text a user typed, made safe for one log line: control characters cannot forge new lines. */
final class LogSafe {

    private LogSafe() {
    }

    static String of(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
        }
        return safe.toString();
    }
}
