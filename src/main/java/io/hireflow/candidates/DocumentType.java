package io.hireflow.candidates;

/**
 * The kinds of document a candidate may upload. Only {@link DocumentTypes#detect(String, byte[])} should name one for
 * a given file, so that the media type and extension we store and serve come from the bytes, not from the uploader.
 */
public enum DocumentType {

    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to serve the file with. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension to store and serve the file with, without the dot. */
    public String extension() {
        return extension;
    }
}
