package th.go.cdd.womenfund.document;

import java.time.LocalDateTime;

/** What is known of an attached document (never its bytes). */
public record StoredDocument(
    long id,
    String processInstanceId,
    String recordKind,
    long recordId,
    String documentType,
    String fileName,
    String mediaType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    LocalDateTime uploadedAt) {}
