package io.hireflow.candidates;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.hireflow.shared.InvalidInputException;

/**
 * Decides what an uploaded file really is from its bytes alone, because the name and the declared content type are
 * whatever the uploader says. A file this class names is a PDF or a DOCX and nothing else: it guarantees that
 * <ul>
 * <li>a PDF starts with {@code %PDF-} (so HTML, script or an executable cannot ride along in front of it, where some
 * readers would skip over it) and ends with the {@code %%EOF} marker (so it is not cut off);</li>
 * <li>a DOCX is a complete zip with {@code [Content_Types].xml} and {@code word/document.xml}, with no entry name that
 * could escape a directory it is extracted to, no more entries and no more unpacked bytes than any resume needs, and
 * no large entry that unpacks out of all proportion to its packed size (a zip bomb);</li>
 * <li>checking takes bounded time and memory whatever the bytes: the zip is streamed through a small buffer, nothing is
 * unpacked to disk or kept, and it stops at the first limit passed rather than after unpacking everything.</li>
 * </ul>
 * Anything else is refused with an {@link InvalidInputException} naming the caller's field and one of the codes below.
 * It does not look for malware inside an allowed file; files are still served as downloads, never rendered inline.
 */
public final class DocumentTypes {

    /** Zero bytes: nothing was uploaded. */
    public static final String EMPTY = "validation.file.empty";
    /** Neither a PDF nor a DOCX. */
    public static final String UNSUPPORTED = "validation.file.type";
    /** Starts as a PDF but has no end: cut off or not really a PDF. */
    public static final String BROKEN_PDF = "validation.file.pdf";
    /** Starts as a zip but is not a readable DOCX. */
    public static final String BROKEN_DOCX = "validation.file.docx";
    /** A zip that would be dangerous to unpack. */
    public static final String UNSAFE_ARCHIVE = "validation.file.archive";

    // PDF readers look for the trailer near the end; without it the upload was cut off or is not a PDF at all
    static final int PDF_TRAILER_WINDOW = 1024;
    // a resume has a few dozen entries; a thousand more are only there to wear out whoever opens the file
    static final int MAX_ENTRIES = 1_000;
    // far more than any real resume unpacks to, yet small enough that streaming through it stays well under a second
    static final long MAX_TOTAL_UNCOMPRESSED = 100L * 1024 * 1024;
    // Word's XML packs about 5 to 20 times; a far higher ratio on a large entry is how zip bombs are made
    static final long MAX_COMPRESSION_RATIO = 100;
    // small entries may pack as well as they like: they cannot hurt, and tiny repetitive parts legitimately do
    static final long RATIO_CHECKED_ABOVE = 1024L * 1024;
    // ZipInputStream reads up to 512 bytes ahead of the inflater, so the packed bytes counted for an entry may fall
    // short by that much; adding this errs towards the file, and a real bomb still overshoots the ratio many times
    static final long READ_AHEAD_SLACK = 1024;
    // enough to stream 100 MB quickly, too small to matter however many uploads are checked at once
    static final int BUFFER_SIZE = 8 * 1024;
    // the zip's end record is its last 22 bytes plus a comment of up to 64 KB; ZipInputStream never reads it, so a
    // file cut off in its central directory would otherwise pass while Word and every other reader refuse it
    static final int ZIP_END_WINDOW = 22 + 0xFFFF;

    private static final byte[] PDF_START = ascii("%PDF-");
    private static final byte[] PDF_END = ascii("%%EOF");
    private static final byte[] ZIP_ENTRY_START = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY_START = {'P', 'K', 5, 6};
    private static final byte[] ZIP_SPANNED_START = {'P', 'K', 7, 8};
    private static final byte[] ZIP_END = ZIP_EMPTY_START;
    // part names in a package compare without regard to ASCII case, so we keep and look them up in lower case
    private static final String CONTENT_TYPES = "[content_types].xml";
    private static final String MAIN_DOCUMENT = "word/document.xml";

    private DocumentTypes() {
    }

    /**
     * The type of the file with this content.
     *
     * @param field the name of the form or API field the file came in, for the refusal
     * @param content the whole file; {@code null} counts as empty
     * @throws InvalidInputException naming {@code field} with {@link #EMPTY}, {@link #UNSUPPORTED},
     *         {@link #BROKEN_PDF}, {@link #BROKEN_DOCX} or {@link #UNSAFE_ARCHIVE}
     */
    public static DocumentType detect(String field, byte[] content) {
        Objects.requireNonNull(field, "field");
        if (content == null || content.length == 0) {
            throw refusal(field, EMPTY);
        }
        if (startsWith(content, PDF_START)) {
            if (indexOf(content, PDF_END, Math.max(0, content.length - PDF_TRAILER_WINDOW)) < 0) {
                throw refusal(field, BROKEN_PDF);
            }
            return DocumentType.PDF;
        }
        if (startsWith(content, ZIP_ENTRY_START) || startsWith(content, ZIP_EMPTY_START)
                || startsWith(content, ZIP_SPANNED_START)) {
            checkDocx(field, content);
            return DocumentType.DOCX;
        }
        // this includes OLE compound files (D0 CF 11 E0): a legacy .doc, or a DOCX encrypted with a password, which we
        // cannot look into
        throw refusal(field, UNSUPPORTED);
    }

    private static void checkDocx(String field, byte[] content) {
        if (indexOf(content, ZIP_END, Math.max(0, content.length - ZIP_END_WINDOW)) < 0) {
            throw refusal(field, BROKEN_DOCX);
        }
        Set<String> names = new HashSet<>();
        CountingInputStream packed = new CountingInputStream(new ByteArrayInputStream(content));
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(packed)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES || unsafeName(entry.getName())) {
                    throw refusal(field, UNSAFE_ARCHIVE);
                }
                // two entries with one name may be read differently by different readers: one of them is hiding
                if (!names.add(entry.getName().toLowerCase(Locale.ROOT))) {
                    throw refusal(field, UNSAFE_ARCHIVE);
                }
                // the sizes in the headers are the uploader's word; only the bytes that come out count
                long packedAtStart = packed.count();
                long unpacked = 0;
                for (int read = zip.read(buffer); read != -1; read = zip.read(buffer)) {
                    unpacked += read;
                    total += read;
                    long packedSoFar = packed.count() - packedAtStart + READ_AHEAD_SLACK;
                    if (total > MAX_TOTAL_UNCOMPRESSED
                            || (unpacked > RATIO_CHECKED_ABOVE && unpacked > MAX_COMPRESSION_RATIO * packedSoFar)) {
                        throw refusal(field, UNSAFE_ARCHIVE);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // corrupt data, a bad header, an encrypted entry or a name that is not valid text
            throw refusal(field, BROKEN_DOCX);
        }
        if (!names.contains(CONTENT_TYPES) || !names.contains(MAIN_DOCUMENT)) {
            throw refusal(field, BROKEN_DOCX);
        }
    }

    // a name that could write outside the directory it is extracted to, or mean different things to different tools
    private static boolean unsafeName(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.startsWith("/")
                || name.length() > 1 && name.charAt(1) == ':') {
            return true;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] content, byte[] wanted, int from) {
        outer:
        for (int i = from; i <= content.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (content[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static InvalidInputException refusal(String field, String code) {
        return new InvalidInputException(field, code);
    }

    /** Counts the packed bytes the zip reader takes, to weigh them against what it unpacks. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read != -1) {
                count++;
            }
            return read;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
