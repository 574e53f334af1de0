package io.hireflow.notifications;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One client connection to an SMTP server (RFC 5321): greeting, EHLO, STARTTLS, AUTH, then mail transactions.
 * Where the server offers PIPELINING (RFC 2920) the commands of a transaction go out together and their replies are
 * read together, and a message's content travels with the next message's commands: one round trip per message
 * instead of four. Where it does not, each command waits for its reply. Replies are matched to commands in order.
 */
final class SmtpSession implements Closeable {

    /** A server reply: its code and its text (the lines joined). */
    record Reply(int code, String text) {

        boolean positive() {
            return code >= 200 && code < 400;
        }

        boolean permanent() {
            return code >= 500;
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_DATA = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SmtpSettings settings;
    private final ArrayDeque<Consumer<Reply>> awaiting = new ArrayDeque<>();
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private Set<String> extensions = Set.of();
    private volatile long writingSince;

    private SmtpSession(SmtpSettings settings) {
        this.settings = settings;
    }

    /** Connects, greets, secures and signs in as the settings say; fails with the server's words if it refuses. */
    static SmtpSession open(SmtpSettings settings) throws IOException {
        SmtpSession session = new SmtpSession(settings);
        try {
            session.connect();
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(settings.host(), settings.port()),
                (int) settings.connectTimeout().toMillis());
        attach(settings.implicitTls() ? secure(plain) : plain);
        expect(read(), "greeting");
        hello();
        if (settings.startTls() && !(socket instanceof SSLSocket)) {
            if (extensions.contains("STARTTLS")) {
                expect(exchange("STARTTLS"), "STARTTLS");
                attach(secure(socket));
                hello();
            } else if (settings.startTlsRequired()) {
                throw new IOException("The mail server does not offer STARTTLS, which the settings require");
            }
        }
        if (settings.username() != null && !settings.username().isEmpty()) {
            authenticate();
        }
    }

    private void attach(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) settings.readTimeout().toMillis());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        OutputStream raw = socket.getOutputStream();
        // the write time-out: the watch (see stuckWriting) closes the socket under a write that takes too long
        out = new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writingSince = System.nanoTime();
                try {
                    raw.write(bytes, offset, length);
                } finally {
                    writingSince = 0;
                }
            }

            @Override
            public void flush() throws IOException {
                raw.flush();
            }
        }, 65536);
    }

    private SSLSocket secure(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain,
                settings.host(), settings.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        // the certificate must name the host we meant to reach
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    private void hello() throws IOException {
        Reply reply = exchange("EHLO " + settings.heloName());
        if (reply.positive()) {
            Set<String> offered = new HashSet<>();
            String[] lines = reply.text().split("\n");
            for (int i = 1; i < lines.length; i++) {
                offered.add(lines[i].trim().toUpperCase(Locale.ROOT));
            }
            extensions = offered;
        } else {
            expect(exchange("HELO " + settings.heloName()), "HELO");
            extensions = Set.of();
        }
    }

    private void authenticate() throws IOException {
        String offered = extensions.stream().filter(line -> line.startsWith("AUTH ") || line.startsWith("AUTH="))
                .findFirst().orElse("");
        Base64.Encoder base64 = Base64.getEncoder();
        if (offered.contains("PLAIN")) {
            String token = "\0" + settings.username() + "\0" + settings.password();
            expect(exchange("AUTH PLAIN " + base64.encodeToString(token.getBytes(StandardCharsets.UTF_8))), "AUTH");
        } else if (offered.contains("LOGIN")) {
            expect(exchange("AUTH LOGIN"), "AUTH");
            expect(exchange(base64.encodeToString(settings.username().getBytes(StandardCharsets.UTF_8))), "AUTH");
            expect(exchange(base64.encodeToString(String.valueOf(settings.password())
                    .getBytes(StandardCharsets.UTF_8))), "AUTH");
        } else {
            throw new IOException("The mail server offers no sign-in this client knows (PLAIN or LOGIN): " + offered);
        }
    }

    boolean pipelining() {
        return extensions.contains("PIPELINING");
    }

    /** Queues a command; {@code onReply} gets its reply when {@link #sync()} reads it (at once without pipelining). */
    void command(String line, Consumer<Reply> onReply) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        awaiting.add(onReply);
        if (!pipelining()) {
            sync();
        }
    }

    /** Queues a message's content after a 354 reply, with the end-of-data line; its reply says whether it was taken. */
    void content(byte[] message, Consumer<Reply> onReply) throws IOException {
        out.write(message);
        out.write(END_OF_DATA);
        awaiting.add(onReply);
        if (!pipelining()) {
            sync();
        }
    }

    /** Sends what is queued and reads every reply it owes, in order. */
    void sync() throws IOException {
        out.flush();
        while (!awaiting.isEmpty()) {
            Reply reply = read();
            awaiting.poll().accept(reply);
        }
    }

    /** Whether a write has been stuck for longer than the write time-out (then the watch closes the connection). */
    boolean stuckWriting(long now) {
        long since = writingSince;
        return since != 0 && now - since > settings.writeTimeout().toNanos();
    }

    private Reply exchange(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.flush();
        return read();
    }

    private static void expect(Reply reply, String step) throws IOException {
        if (!reply.positive()) {
            throw new IOException("The mail server refused " + step + ": " + reply);
        }
    }

    /** Reads one reply, all of its lines ({@code 250-...} continues, {@code 250 ...} ends). */
    private Reply read() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line.length() < 3) {
                throw new IOException("The mail server sent a reply that is not SMTP: " + line);
            }
            int code;
            try {
                code = Integer.parseInt(line.substring(0, 3));
            } catch (NumberFormatException e) {
                throw new IOException("The mail server sent a reply that is not SMTP: " + line);
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(code, text.toString());
            }
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("The mail server closed the connection");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() < 4096) {
                line.append((char) c);
            }
        }
    }

    /** Says goodbye if it can, and closes the connection. */
    void quit() {
        try {
            awaiting.clear();
            exchange("QUIT");
        } catch (IOException | RuntimeException e) {
            // the connection is going away anyway
        }
        close();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
