package io.hireflow.candidates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import io.hireflow.shared.InvalidInputException;

/**
 * Reads the text out of candidates' PDF and DOCX files in the background. Parsing a file that anyone on the internet
 * may have sent is the riskiest thing Hireflow does with it, so it happens here, away from the request that stored the
 * file, and under limits: a malformed PDF, a zip bomb or a file made to keep a parser busy fails that one document
 * ({@code FAILED} with a short reason) and never the upload, the node or the other documents.
 * <p>
 * Every node with {@code hireflow.candidates.extract-text} on looks every {@code poll-interval}. It claims the oldest
 * waiting documents in a short transaction ({@code for update skip locked}, so nodes take disjoint sets) by marking
 * them {@code EXTRACTING} with the time; a document whose reading started longer than the lease ago was left behind by
 * a node that died, and is claimed again, up to {@value #MAX_ATTEMPTS} times, after which it is given up (a file that
 * brings down whichever node reads it must not go round the cluster for ever). When its reading really starts the
 * time is set again, and an outcome is stored only while that time is still the document's: a node that lost a
 * document to another cannot overwrite what the other found.
 * <p>
 * Limits: at most {@value #PARALLEL} documents are parsed at once on a node, each on a worker thread; one that takes
 * longer than {@code timeout} is cancelled (its thread interrupted, and the deadline checked at each read, content
 * event, PDF operator and unpacked block, since parsers seldom look at interrupts) and fails. At most
 * {@code max-text-chars} of text are kept (a longer document still counts as read). Before anything is parsed the
 * bytes are checked again as at upload ({@link DocumentTypes}), and what the parser would unpack is measured by
 * unpacking it into a counter: a DOCX's XML at most {@value #MAX_DOCX_XML} bytes, each stream of a PDF at most
 * {@value #MAX_PDF_STREAM} and all of them {@value #MAX_PDF_UNPACKED}. DOCX then goes through Tika's OOXML parser in
 * its streaming form, with {@link SecureContentHandler}'s checks on; PDF through PDFBox's text stripper (the engine of
 * Tika's PDF parser, which brings it), stopped once it has as many glyphs as characters are kept, because Tika's
 * parser holds every glyph of a page before it passes any text on, and so a page drawing millions fills the heap.
 * Embedded files, images and OCR are left alone. Only the documents being parsed are held in memory.
 * <p>
 * What this cannot bound: the work PDFBox does while it opens a file, before any check (it unpacks cross-reference
 * and object streams whole), and a loop inside a parser that reads nothing and passes nothing on. The document still
 * fails on time, but its worker stays taken until the parser gives up by itself, and the node reads with one worker
 * less meanwhile; a file that brings a node down is given up after {@value #MAX_ATTEMPTS} attempts. Reading in a
 * separate process with its own small heap would bound these too.
 */
@Component
class DocumentTextExtraction implements SmartLifecycle, DisposableBean {

    // two parses at once keep a node's other work responsive however many documents arrive
    static final int PARALLEL = 2;
    // a document whose reading was started this often without an outcome takes down or stalls whoever reads it
    static final int MAX_ATTEMPTS = 3;
    // how long to wait beyond the timeout for a cancelled parse to let go of its worker before doing without it
    static final Duration GRACE = Duration.ofSeconds(5);
    // the most memory PDFBox may use for streams it has to keep while reading a PDF (it decodes page content as it
    // goes); past it the file fails rather than spilling to disk
    static final long PDF_MAIN_MEMORY = 64L * 1024 * 1024;
    // the most one stream of a PDF may unpack to (a page's content, a font, a character map), and all of them together;
    // a resume's are a few megabytes, a full embedded Korean font some twenty
    static final long MAX_PDF_STREAM = 32L * 1024 * 1024;
    static final long MAX_PDF_UNPACKED = 256L * 1024 * 1024;
    private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.JPX_DECODE,
            COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE);
    // a resume's Word XML is a few hundred kilobytes; POI holds a run of text whole, so this also bounds the memory
    static final long MAX_DOCX_XML = 16L * 1024 * 1024;

    private static final String UNPACKS_TOO_MUCH = "unpacks to too much (zip bomb)";

    static final String PDF = DocumentType.PDF.mediaType();
    static final String DOCX = DocumentType.DOCX.mediaType();

    private static final Logger log = LoggerFactory.getLogger(DocumentTextExtraction.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CandidateProperties properties;
    private final Clock clock;
    // held by a parse from its start until its thread leaves it, so a parse that ignores cancellation keeps its slot
    private final Semaphore slots = new Semaphore(PARALLEL);
    private final ThreadPoolExecutor parsers;
    private final OOXMLParser docxParser = new OOXMLParser();
    private final OfficeParserConfig officeConfig = new OfficeParserConfig();
    private ScheduledExecutorService poller;

    DocumentTextExtraction(JdbcClient jdbc, TransactionTemplate transactions, CandidateProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.parsers = new ThreadPoolExecutor(PARALLEL, PARALLEL, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("document-text-"));
        // the threads are only there while there are documents to read
        parsers.allowCoreThreadTimeOut(true);
        // streams the document part through the content handler, where the limits are, instead of building it whole
        officeConfig.setUseSAXDocxExtractor(true);
        officeConfig.setExtractMacros(false);
    }

    /**
     * One round: claims up to {@code batch-size} documents that wait to be read (or were left behind), reads them
     * and stores each outcome. Answers how many documents got an outcome in this round.
     */
    int extractPending() {
        Instant claimedAt = now();
        List<Claim> claims = transactions.execute(status -> claim(claimedAt));
        if (claims == null || claims.isEmpty()) {
            return 0;
        }
        Round round = new Round();
        int next = 0;
        try {
            for (; next < claims.size(); next++) {
                Claim claim = claims.get(next);
                if (claim.givenUp()) {
                    log.warn("Document {}: reading given up after {} attempts", claim.id(), MAX_ATTEMPTS);
                    round.handled++;
                    continue;
                }
                settleFinished(round);
                if (!awaitSlot(round)) {
                    log.warn("Document text: both workers are held by parses that ignored cancellation; {} "
                            + "documents are left to other nodes", claims.size() - next);
                    break;
                }
                Optional<Job> job = start(claim);
                if (job.isPresent()) {
                    round.running.addLast(job.get());
                } else {
                    slots.release();
                }
            }
            while (!round.running.isEmpty()) {
                settle(round, round.running.removeFirst());
            }
        } catch (InterruptedException e) {
            // the node is stopping: what was not read goes back to wait for a node that stays
            for (Job job : round.running) {
                job.future().cancel(true);
                release(job.id(), job.startedAt());
            }
            Thread.currentThread().interrupt();
        }
        for (Claim claim : claims.subList(next, claims.size())) {
            if (!claim.givenUp()) {
                release(claim.id(), claimedAt);
            }
        }
        return round.handled;
    }

    private List<Claim> claim(Instant now) {
        return jdbc.sql("""
                update candidate_document d set
                    text_status = case when d.text_attempts >= :maxAttempts then 'FAILED' else 'EXTRACTING' end,
                    text_error = case when d.text_attempts >= :maxAttempts then :gaveUp end,
                    text_started_at = :now, text_attempts = d.text_attempts + 1
                from (select id from candidate_document
                      where text_status = 'PENDING' or (text_status = 'EXTRACTING' and text_started_at < :staleBefore)
                      order by created_at limit :limit for update skip locked) due
                where d.id = due.id
                returning d.id, d.media_type, d.text_status""")
                .param("maxAttempts", MAX_ATTEMPTS).param("gaveUp", "gave up after " + MAX_ATTEMPTS + " attempts")
                .param("now", Timestamp.from(now))
                .param("staleBefore", Timestamp.from(now.minus(properties.lease())))
                .param("limit", properties.batchSize())
                .query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getString("media_type"), now,
                        "FAILED".equals(rs.getString("text_status"))))
                .list();
    }

    // waits for a free worker, meanwhile settling the parses that finish or run out of time; false when only
    // parses that were already given up hold the workers, and still do after the grace period
    private boolean awaitSlot(Round round) throws InterruptedException {
        while (!round.running.isEmpty()) {
            long wait = Math.max(0, round.running.peekFirst().deadline() - System.nanoTime());
            if (slots.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                return true;
            }
            settle(round, round.running.removeFirst());
        }
        return slots.tryAcquire(properties.timeout().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
    }

    private void settleFinished(Round round) throws InterruptedException {
        while (!round.running.isEmpty() && round.running.peekFirst().future().isDone()) {
            settle(round, round.running.removeFirst());
        }
    }

    // takes the document over for reading from now on, with its content; empty when another node has it now
    private Optional<Job> start(Claim claim) {
        Instant startedAt = now();
        Optional<byte[]> content;
        try {
            content = jdbc.sql("""
                    update candidate_document set text_started_at = :startedAt
                    where id = :id and text_status = 'EXTRACTING' and text_started_at = :claimedAt
                    returning content""")
                    .param("startedAt", Timestamp.from(startedAt)).param("id", claim.id())
                    .param("claimedAt", Timestamp.from(claim.claimedAt()))
                    .query(byte[].class).optional();
        } catch (RuntimeException e) {
            // the database went away for a moment: the document stays claimed and is taken again after the lease
            log.warn("Document {}: not started: {}", claim.id(), e.getMessage());
            return Optional.empty();
        }
        if (content.isEmpty()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        byte[] bytes = content.get();
        Future<Outcome> future = parsers.submit(() -> {
            try {
                return read(bytes, claim.mediaType(), deadline);
            } finally {
                slots.release();
            }
        });
        return Optional.of(new Job(claim.id(), startedAt, deadline, future));
    }

    // waits for a parse until its deadline, cancels it then, and stores its outcome
    private void settle(Round round, Job job) throws InterruptedException {
        Outcome outcome;
        try {
            outcome = job.future().get(Math.max(0, job.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            job.future().cancel(true);
            release(job.id(), job.startedAt());
            throw e;
        } catch (TimeoutException | CancellationException e) {
            job.future().cancel(true);
            outcome = Outcome.failed(timedOut());
        } catch (ExecutionException e) {
            outcome = Outcome.failed("could not be read (" + e.getCause().getClass().getSimpleName() + ")");
        }
        try {
            round.handled += store(job, outcome);
        } catch (RuntimeException e) {
            // the database went away for a moment: the document stays claimed and is taken again after the lease
            log.warn("Document {}: outcome not stored: {}", job.id(), e.getMessage());
        }
    }

    private int store(Job job, Outcome outcome) {
        int stored = jdbc.sql("""
                update candidate_document set text_status = :status, text = :text, text_error = :error
                where id = :id and text_status = 'EXTRACTING' and text_started_at = :startedAt""")
                .param("status", outcome.text() != null ? "DONE" : "FAILED").param("text", outcome.text())
                .param("error", outcome.error()).param("id", job.id())
                .param("startedAt", Timestamp.from(job.startedAt()))
                .update();
        if (stored == 0) {
            log.info("Document {}: taken over by another node before its text was stored", job.id());
        } else if (outcome.error() != null) {
            log.info("Document {}: text not read: {}", job.id(), outcome.error());
        }
        return stored;
    }

    private void release(UUID id, Instant startedAt) {
        try {
            jdbc.sql("""
                    update candidate_document set text_status = 'PENDING', text_attempts = text_attempts - 1
                    where id = :id and text_status = 'EXTRACTING' and text_started_at = :startedAt""")
                    .param("id", id).param("startedAt", Timestamp.from(startedAt)).update();
        } catch (RuntimeException e) {
            // it stays claimed and is taken again after the lease
            log.warn("Document {}: not released: {}", id, e.getMessage());
        }
    }

    // parses one file on a worker thread; never throws, whatever the bytes
    private Outcome read(byte[] bytes, String mediaType, long deadline) {
        try {
            // the bytes were checked when they were stored, but here is where they are opened: check them again
            DocumentType type = DocumentTypes.detect("file", bytes);
            if (!type.mediaType().equals(mediaType)) {
                return Outcome.failed("not the type it was stored as");
            }
            String text = type == DocumentType.PDF ? pdfText(bytes, deadline) : docxText(bytes, deadline);
            return Outcome.done(clean(text));
        } catch (Throwable e) {
            // running out of memory or stack on one file is that file's doing; any other VM error is the VM's
            if (e instanceof VirtualMachineError fatal
                    && !(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
                throw fatal;
            }
            return Outcome.failed(reason(e, mediaType, deadline));
        }
    }

    // Tika's own PDF parser keeps every glyph of a page before it hands on any text, so a few kilobytes that draw
    // millions of glyphs on one page exhaust the heap; PDFBox's text stripper (the same engine, which Tika brings)
    // lets us stop at the text limit and look at the deadline between operators
    private String pdfText(byte[] bytes, long deadline) throws IOException {
        BoundedTextStripper stripper = new BoundedTextStripper(properties.maxTextChars(), deadline);
        StringWriter text = new StringWriter();
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "",
                MemoryUsageSetting.setupMainMemoryOnly(PDF_MAIN_MEMORY).streamCache)) {
            checkStreamSizes(document, deadline);
            stripper.writeText(document, text);
        } catch (TextLimitReached e) {
            // what fits is kept; the rest of a very long document is not needed to find it
        }
        return text.toString();
    }

    // PDFBox unpacks a stream whole before it reads a font, a character map or the strings of page content, so a small
    // PDF whose streams unpack to gigabytes fills the heap before any limit on text applies; so every stream it may
    // read is unpacked here first, into a counter, stopping at the limits
    private static void checkStreamSizes(PDDocument document, long deadline) throws IOException {
        COSDocument pdf = document.getDocument();
        long total = 0;
        for (Map.Entry<COSObjectKey, Long> entry : pdf.getXrefTable().entrySet()) {
            // a stream is never inside an object stream, so only objects at an offset of their own are looked at
            if (entry.getValue() == null || entry.getValue() <= 0) {
                continue;
            }
            if (pdf.getObjectFromPool(entry.getKey()).getObject() instanceof COSStream stream
                    && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                total += unpackedSize(stream, deadline);
                if (total > MAX_PDF_UNPACKED) {
                    throw new InvalidInputException("file", DocumentTypes.UNSAFE_ARCHIVE);
                }
            }
        }
    }

    private static long unpackedSize(COSStream stream, long deadline) throws IOException {
        COSBase names = stream.getFilters();
        List<COSName> filters = new ArrayList<>();
        if (names instanceof COSName name) {
            filters.add(name);
        } else if (names instanceof COSArray array) {
            for (COSBase name : array) {
                if (name instanceof COSName filter) {
                    filters.add(filter);
                }
            }
        }
        // image codecs are only undone to draw an image, which reading text never does
        if (filters.stream().anyMatch(IMAGE_FILTERS::contains)) {
            return 0;
        }
        long size = stream.getLength();
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream encoded = raw;
            for (int i = 0; i < filters.size(); i++) {
                boolean last = i == filters.size() - 1;
                CountingOutputStream decoded = new CountingOutputStream(!last, deadline);
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(encoded, decoded, stream, i);
                size = decoded.count();
                if (!last) {
                    encoded = new ByteArrayInputStream(decoded.bytes());
                }
            }
        }
        return size;
    }

    private String docxText(byte[] bytes, long deadline) throws Exception {
        checkXmlSize(bytes, deadline);
        WriteOutContentHandler text = new WriteOutContentHandler(properties.maxTextChars());
        ParseContext context = new ParseContext();
        context.set(OfficeParserConfig.class, officeConfig);
        try (TikaInputStream stream = TikaInputStream.get(new DeadlineStream(new ByteArrayInputStream(bytes),
                deadline))) {
            SecureContentHandler secure = new SecureContentHandler(new DeadlineHandler(new BodyContentHandler(text),
                    deadline), stream);
            try {
                docxParser.parse(stream, secure, new Metadata(), context);
            } catch (SAXException | TikaException e) {
                if (WriteLimitReachedException.isWriteLimitReached(e)) {
                    return text.toString();
                }
                if (e instanceof SAXException sax) {
                    // names a zip bomb that the handler noticed
                    secure.throwIfCauseOf(sax);
                }
                throw e;
            }
        }
        return text.toString();
    }

    // Tika turns POI's zip bomb check off and counts on its content handler instead, but POI gathers a whole run of
    // text before the handler sees any of it; so the XML that will be parsed is measured first, by unpacking it
    // through a small buffer, stopping at the limit
    private static void checkXmlSize(byte[] bytes, long deadline) throws IOException {
        byte[] buffer = new byte[8 * 1024];
        long xml = 0;
        try (ZipInputStream zip = new ZipInputStream(new DeadlineStream(new ByteArrayInputStream(bytes), deadline))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (!name.endsWith(".xml") && !name.endsWith(".rels")) {
                    continue;
                }
                for (int read = zip.read(buffer); read != -1; read = zip.read(buffer)) {
                    xml += read;
                    if (xml > MAX_DOCX_XML) {
                        throw new InvalidInputException("file", DocumentTypes.UNSAFE_ARCHIVE);
                    }
                }
            }
        }
    }

    // short and from a fixed list: an exception's own message may quote the document, which is personal data
    private String reason(Throwable e, String mediaType, long deadline) {
        if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
            return timedOut();
        }
        if (e instanceof OutOfMemoryError) {
            return "too large to read";
        }
        if (e instanceof StackOverflowError) {
            return "nested too deeply to read";
        }
        Throwable root = e;
        // a cause chain may loop; a real one is a few links long
        int links = 0;
        for (Throwable cause = e; cause != null && links++ < 20; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException refused) {
                return refusal(refused);
            }
            String name = cause.getClass().getSimpleName();
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            // by name: these come from PDFBox and POI, and Tika's own has the same name
            if (name.equals("EncryptedDocumentException") || name.equals("InvalidPasswordException")) {
                return "encrypted";
            }
            if (message.contains("zip bomb") || name.equals("TikaMemoryLimitException")) {
                return UNPACKS_TOO_MUCH;
            }
            root = cause;
        }
        return "unreadable " + (PDF.equals(mediaType) ? "PDF" : "DOCX") + " (" + root.getClass().getSimpleName()
                + ")";
    }

    // the checks at upload, and the limits here, say why in the same words
    private static String refusal(InvalidInputException e) {
        String code = e.problems().get(0).code();
        return DocumentTypes.UNSAFE_ARCHIVE.equals(code) ? UNPACKS_TOO_MUCH
                : DocumentTypes.BROKEN_PDF.equals(code) ? "unreadable PDF (cut off)"
                : DocumentTypes.BROKEN_DOCX.equals(code) ? "unreadable DOCX (not a complete Word file)"
                : "not a PDF or DOCX";
    }

    private String timedOut() {
        return "timed out after " + properties.timeout().toMillis() / 1000.0 + " s";
    }

    // PostgreSQL text cannot hold NUL, which some PDFs map glyphs to; the PDF reader counts glyphs, not the line breaks
    // it adds, so its text may run a little over; a cut may fall in the middle of a character
    private String clean(String text) {
        String cleaned = text.replace("\u0000", "");
        if (properties.maxTextChars() >= 0 && cleaned.length() > properties.maxTextChars()) {
            cleaned = cleaned.substring(0, properties.maxTextChars());
        }
        cleaned = cleaned.strip();
        if (!cleaned.isEmpty() && Character.isHighSurrogate(cleaned.charAt(cleaned.length() - 1))) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; the times we compare against must be what it stored
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void tick() {
        try {
            while (extractPending() >= properties.batchSize() && !Thread.currentThread().isInterrupted()) {
                // a full round means more are waiting
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next look tries again and claimed documents come back
            log.warn("Reading document text failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.extractText() || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(daemonThreads("document-text-poller-"));
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Reading document text every {} ms, {} at a time, at most {} s each", interval, PARALLEL,
                properties.timeout().toSeconds());
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            // interrupting the round sends what it has not read back to wait for another node
            poller.shutdownNow();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    @Override
    public void destroy() {
        parsers.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Claim(UUID id, String mediaType, Instant claimedAt, boolean givenUp) {
    }

    private record Job(UUID id, Instant startedAt, long deadline, Future<Outcome> future) {
    }

    /** The documents of one round being read, in the order they started (so by deadline), and how many are done. */
    private static final class Round {

        private final Deque<Job> running = new ArrayDeque<>();
        private int handled;
    }

    /** What reading one file came to: its text, or why there is none. */
    private record Outcome(String text, String error) {

        static Outcome done(String text) {
            return new Outcome(text, null);
        }

        static Outcome failed(String error) {
            return new Outcome(null, error);
        }
    }

    /** Counts what a PDF filter unpacks, keeping it only to pass it to the next filter, and stops at the limit. */
    private static final class CountingOutputStream extends OutputStream {

        private final ByteArrayOutputStream kept;
        private final long deadline;
        private long count;

        CountingOutputStream(boolean keep, long deadline) {
            this.kept = keep ? new ByteArrayOutputStream() : null;
            this.deadline = deadline;
        }

        long count() {
            return count;
        }

        byte[] bytes() {
            return kept.toByteArray();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            // unchecked, so that no filter takes it for damage and carries on
            if (count > MAX_PDF_STREAM) {
                throw new InvalidInputException("file", DocumentTypes.UNSAFE_ARCHIVE);
            }
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("timed out");
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }
    }

    /** Thrown to stop reading a PDF once it has given as much text as is kept. */
    private static final class TextLimitReached extends RuntimeException {

        TextLimitReached() {
            super("text limit reached", null, false, false);
        }
    }

    /**
     * PDFBox's text stripper with two limits: it stops after as many glyphs as characters are kept (the glyphs of a
     * page are held until the page ends, so this also bounds the memory), keeping the text of the page it stopped
     * in, and it stops at the first operator after the deadline.
     */
    private static final class BoundedTextStripper extends PDFTextStripper {

        private final int maxGlyphs;
        private final long deadline;
        private int glyphs;

        BoundedTextStripper(int maxGlyphs, long deadline) {
            this.maxGlyphs = maxGlyphs;
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("timed out");
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++glyphs > maxGlyphs) {
                throw new TextLimitReached();
            }
            super.processTextPosition(text);
        }

        @Override
        public void processPage(PDPage page) throws IOException {
            try {
                super.processPage(page);
            } catch (TextLimitReached e) {
                writePage();
                throw e;
            }
        }
    }

    /** Stops a parser at its next look at the content once the deadline has passed or its thread is interrupted. */
    private static final class DeadlineHandler extends ContentHandlerDecorator {

        private final long deadline;

        DeadlineHandler(BodyContentHandler handler, long deadline) {
            super(handler);
            this.deadline = deadline;
        }

        private void check() throws SAXException {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                throw new SAXException("timed out");
            }
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            check();
            super.startElement(uri, localName, name, atts);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            check();
            super.endElement(uri, localName, name);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            check();
            super.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            check();
            super.ignorableWhitespace(ch, start, length);
        }
    }

    /** Stops a parser at its next read once the deadline has passed or its thread is interrupted. */
    private static final class DeadlineStream extends FilterInputStream {

        private final long deadline;

        DeadlineStream(InputStream in, long deadline) {
            super(in);
            this.deadline = deadline;
        }

        private void check() throws IOException {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("timed out");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            return super.skip(n);
        }
    }
}
