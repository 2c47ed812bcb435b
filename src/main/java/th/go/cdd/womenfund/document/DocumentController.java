package th.go.cdd.womenfund.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.CurrentUser;
import th.go.cdd.womenfund.system.ThaiDates;
import th.go.cdd.womenfund.system.ThaiPage;

/**
 * The documents of the steps that need paper. The Tasklist of Camunda 7.24 has no file field in its
 * forms, so each such form links here: {@code /documents} lists her open steps that take papers,
 * {@code /documents/instance/{id}} shows an instance's documents and takes new ones, {@code
 * /documents/{id}} downloads one (as an attachment, never shown inline).
 */
@Controller
@ThaiPage
public class DocumentController {

  private final DocumentService service;
  private final CurrentUser currentUser;

  public DocumentController(DocumentService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  /** A document as a row of the page. */
  public record Row(long id, String type, String fileName, String size, String by, String at) {}

  @GetMapping("/documents")
  public String list(Model model) {
    model.addAttribute("steps", service.openSteps(currentUser.actor()));
    model.addAttribute("maxSize", service.maxSizeText());
    return "documents";
  }

  @GetMapping("/documents/instance/{processInstanceId}")
  public String instance(@PathVariable String processInstanceId, Model model) {
    DocumentService.InstanceView view = refused(() -> service.instance(processInstanceId, actor()));
    model.addAttribute("view", view);
    model.addAttribute("rows", rows(view.documents(), view));
    model.addAttribute("maxSize", service.maxSizeText());
    return "documents-instance";
  }

  @PostMapping("/documents/instance/{processInstanceId}")
  public String upload(
      @PathVariable String processInstanceId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    Actor actor = actor();
    if (file == null || file.isEmpty()) {
      // still the same answer for an instance that is not hers
      refused(() -> service.instance(processInstanceId, actor));
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "ไม่พบไฟล์ที่แนบ หรือไฟล์ว่างเปล่า กรุณาเลือกไฟล์แล้วส่งใหม่");
    }
    StoredDocument d;
    try (InputStream in = file.getInputStream()) {
      d =
          service.upload(
              processInstanceId,
              type == null ? "" : type,
              file.getOriginalFilename(),
              file.getSize(),
              in,
              actor);
    } catch (DocumentRefusal e) {
      throw new ResponseStatusException(HttpStatus.valueOf(e.status()), e.getMessage());
    }
    redirect.addFlashAttribute(
        "notice", "แนบเอกสาร " + d.fileName() + " (" + size(d.sizeBytes()) + ") แล้ว");
    return "redirect:/documents/instance/" + processInstanceId;
  }

  @GetMapping("/documents/{documentId}")
  public ResponseEntity<byte[]> download(@PathVariable long documentId) {
    DocumentService.Download dl = refused(() -> service.download(documentId, actor()));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(dl.document().mediaType()));
    headers.setContentDisposition(
        ContentDisposition.attachment()
            .filename(dl.document().fileName(), StandardCharsets.UTF_8)
            .build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
    headers.setCacheControl("private, no-store");
    headers.setContentLength(dl.content().length);
    return new ResponseEntity<>(dl.content(), headers, HttpStatus.OK);
  }

  private Actor actor() {
    return currentUser.actor();
  }

  private static <T> T refused(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (DocumentRefusal e) {
      throw new ResponseStatusException(HttpStatus.valueOf(e.status()), e.getMessage());
    }
  }

  private static List<Row> rows(List<StoredDocument> docs, DocumentService.InstanceView view) {
    return docs.stream()
        .map(
            d ->
                new Row(
                    d.id(),
                    view.typeNames().getOrDefault(d.documentType(), d.documentType()),
                    d.fileName(),
                    size(d.sizeBytes()),
                    d.uploadedBy(),
                    ThaiDates.formatShort(d.uploadedAt().toLocalDate())
                        + String.format(
                            " %02d:%02d น.", d.uploadedAt().getHour(), d.uploadedAt().getMinute())))
        .toList();
  }

  static String size(long bytes) {
    return bytes >= 1024 * 1024
        ? String.format("%.1f MB", bytes / (1024.0 * 1024))
        : ((bytes + 1023) / 1024) + " KB";
  }
}
