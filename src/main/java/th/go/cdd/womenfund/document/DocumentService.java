package th.go.cdd.womenfund.document;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.cdd.womenfund.security.Actor;
import th.go.cdd.womenfund.security.InstanceScopes;
import th.go.cdd.womenfund.security.InstanceScopes.Scope;
import th.go.cdd.womenfund.security.Roles;
import th.go.cdd.womenfund.system.EngineClock;
import th.go.cdd.womenfund.system.limits.RequestLimits;

/**
 * Documents attached to the steps that need paper. Who may see them comes from the instance's
 * record and area ({@code process_scope}), never from the request: the groups of its district and
 * province, the Department and administrators. Attaching needs more: the instance must wait at a
 * step that takes the paper, and she must work in its area (district officers and committee, the
 * province's officers and committee). A file is accepted only by its content (PDF, JPEG, PNG),
 * within {@link DocumentSettings#maxSize()}, and after the virus scanner found nothing; otherwise
 * nothing is stored.
 */
@Service
public class DocumentService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);

  /** The one answer for a document or record that does not exist or is not hers. */
  public static final String NOT_FOUND =
      "ไม่พบเอกสารหรือรายการที่ขอ หรือท่านไม่มีสิทธิ์เปิดรายการนี้";

  private final DocumentRepository repo;
  private final DocumentStore store;
  private final VirusScanner scanner;
  private final DocumentSettings settings;
  private final InstanceScopes scopes;
  private final TaskService tasks;
  private final List<DocumentSlots> slotSources;

  public DocumentService(
      DocumentRepository repo,
      DocumentStore store,
      VirusScanner scanner,
      DocumentSettings settings,
      InstanceScopes scopes,
      TaskService tasks,
      List<DocumentSlots> slotSources) {
    this.repo = repo;
    this.store = store;
    this.scanner = scanner;
    this.settings = settings;
    this.scopes = scopes;
    this.tasks = tasks;
    this.slotSources = slotSources;
  }

  /** What an instance's page shows. */
  public record InstanceView(
      Scope scope,
      List<StoredDocument> documents,
      List<DocumentSlot> openSlots,
      Map<String, String> typeNames) {}

  /** An open step of hers that takes papers, for the list at {@code /documents}. */
  public record OpenStep(String processInstanceId, String taskName, List<DocumentSlot> slots) {}

  /** A document's bytes with what the download headers say (handed straight to the response). */
  @SuppressWarnings("ArrayRecordComponent")
  public record Download(StoredDocument document, byte[] content) {}

  public long maxBytes() {
    return settings.maxSize().toBytes();
  }

  public String maxSizeText() {
    return RequestLimits.thai(maxBytes());
  }

  /** Every kind of paper, by code (Thai names for lists and the spreadsheet). */
  public Map<String, String> typeNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (DocumentSlot s : slots()) {
      names.putIfAbsent(s.code(), s.nameTh());
    }
    return names;
  }

  /** The documents of a record (e.g. a restructuring package), for its owner's own reports. */
  public List<StoredDocument> ofRecord(String recordKind, long recordId) {
    return repo.ofRecord(recordKind, recordId);
  }

  public InstanceView instance(String processInstanceId, Actor actor) {
    Scope scope = visibleScope(processInstanceId, actor);
    List<DocumentSlot> open = mayAttach(actor, scope) ? openSlots(scope) : List.of();
    return new InstanceView(scope, repo.ofInstance(processInstanceId), open, typeNames());
  }

  /** The open steps of her areas where she may attach papers now. */
  public List<OpenStep> openSteps(Actor actor) {
    Set<String> keys = new LinkedHashSet<>();
    for (DocumentSlot s : slots()) {
      keys.add(s.processKey());
    }
    Set<String> groups = new LinkedHashSet<>(actor.groups());
    for (String g : actor.groups()) {
      Optional<String> district =
          Roles.districtOfOfficers(g).or(() -> between(g, "district-", "-committee"));
      // a district's papers may be attached while a province's group holds the step (the death
      // certificate while the province committee reviews the claim)
      district.ifPresent(
          d -> {
            groups.add(Roles.provinceOfficers(d.substring(0, 2)));
            groups.add(Roles.provinceCommittee(d.substring(0, 2)));
          });
    }
    if (keys.isEmpty() || groups.isEmpty()) {
      return List.of();
    }
    List<OpenStep> steps = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Task t :
        tasks
            .createTaskQuery()
            .processDefinitionKeyIn(keys.toArray(String[]::new))
            .taskCandidateGroupIn(List.copyOf(groups))
            .active()
            .orderByTaskCreateTime()
            .desc()
            .listPage(0, 500)) {
      if (!seen.add(t.getProcessInstanceId())) {
        continue;
      }
      Optional<Scope> scope = scopes.of(t.getProcessInstanceId());
      if (scope.isEmpty() || !mayAttach(actor, scope.get())) {
        continue;
      }
      List<DocumentSlot> open = openSlots(scope.get());
      if (!open.isEmpty()) {
        steps.add(new OpenStep(t.getProcessInstanceId(), t.getName(), open));
      }
    }
    return steps;
  }

  /**
   * Checks, scans and stores one file; {@code declaredSize} (the part's size, -1 when unknown) is
   * checked before a byte is read, and no more than the limit is ever read.
   */
  @Transactional
  public StoredDocument upload(
      String processInstanceId,
      String slotCode,
      String fileName,
      long declaredSize,
      InputStream in,
      Actor actor)
      throws IOException {
    Scope scope = visibleScope(processInstanceId, actor);
    if (!mayAttach(actor, scope)) {
      throw new DocumentRefusal(
          403,
          "ท่านดูเอกสารของรายการนี้ได้ แต่ไม่มีหน้าที่แนบเอกสาร (แนบได้เฉพาะผู้ปฏิบัติงานในพื้นที่)");
    }
    DocumentSlot slot =
        openSlots(scope).stream()
            .filter(s -> s.code().equals(slotCode))
            .findFirst()
            .orElseThrow(
                () ->
                    new DocumentRefusal(
                        400,
                        "รายการนี้ไม่ได้อยู่ในขั้นตอนที่รับเอกสารประเภทนี้ กรุณาเลือกประเภทเอกสารจากหน้ารายการ"));
    long max = maxBytes();
    if (declaredSize > max) {
      throw tooLarge();
    }
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (content.length > max) {
      throw tooLarge();
    }
    if (content.length == 0) {
      throw new DocumentRefusal(400, "ไม่พบไฟล์ที่แนบ หรือไฟล์ว่างเปล่า กรุณาเลือกไฟล์แล้วส่งใหม่");
    }
    // scanned first: a virus is named as such whatever it pretends to be
    VirusScanner.Verdict verdict;
    try {
      verdict = scanner.scan(content);
    } catch (VirusScanner.ScannerUnavailableException e) {
      LOG.warn("virus scanner unavailable, upload refused: {}", e.getMessage());
      throw new DocumentRefusal(
          503, "ระบบตรวจไวรัสไม่พร้อมใช้งานขณะนี้ จึงยังไม่รับไฟล์: กรุณาลองใหม่ภายหลัง");
    }
    if (!verdict.clean()) {
      LOG.warn(
          "upload refused by the virus scanner ({}) on instance {}",
          verdict.signature(),
          processInstanceId);
      throw new DocumentRefusal(
          422,
          "ไฟล์นี้มีไวรัสหรือโปรแกรมไม่พึงประสงค์ ("
              + verdict.signature()
              + ") ระบบไม่รับไฟล์: กรุณาตรวจเครื่องคอมพิวเตอร์แล้วสแกนเอกสารใหม่");
    }
    String type =
        ContentTypes.accepted(content)
            .orElseThrow(
                () ->
                    new DocumentRefusal(
                        422,
                        "ไฟล์นี้ไม่ใช่ PDF, JPEG หรือ PNG (ระบบตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์):"
                            + " กรุณาสแกนหรือถ่ายภาพเอกสารเป็น PDF, JPEG หรือ PNG แล้วแนบใหม่"));
    String name = safeName(fileName, type);
    String sha = sha256(content);
    long id =
        repo.insert(
            processInstanceId,
            scope.processKey(),
            scope.subjectId(),
            slot.code(),
            name,
            type,
            content.length,
            sha,
            actor.userId(),
            EngineClock.now());
    store.put(id, content);
    return repo.find(id).orElseThrow();
  }

  public Download download(long documentId, Actor actor) {
    StoredDocument d = repo.find(documentId).orElseThrow(() -> new DocumentRefusal(404, NOT_FOUND));
    visibleScope(d.processInstanceId(), actor);
    byte[] content = store.get(documentId).orElseThrow(() -> new DocumentRefusal(404, NOT_FOUND));
    return new Download(d, content);
  }

  /** The scope, or 404 with the same words whether it does not exist or is not hers. */
  private Scope visibleScope(String processInstanceId, Actor actor) {
    return scopes
        .of(processInstanceId)
        .filter(s -> mayRead(actor, s))
        .orElseThrow(() -> new DocumentRefusal(404, NOT_FOUND));
  }

  static boolean mayRead(Actor actor, Scope s) {
    List<String> g = actor.groups();
    if (actor.isAdmin() || g.contains(Roles.DEPARTMENT)) {
      return true;
    }
    if (g.contains(Roles.provinceOfficers(s.provinceCode()))
        || g.contains(Roles.provinceCommittee(s.provinceCode()))
        || g.contains(Roles.provinceSupervisors(s.provinceCode()))) {
      return true;
    }
    return s.districtCode() != null
        && (g.contains(Roles.districtOfficers(s.districtCode()))
            || g.contains(Roles.districtCommittee(s.districtCode())));
  }

  /** Those who work in the record's area; supervisors and the Department only read. */
  static boolean mayAttach(Actor actor, Scope s) {
    List<String> g = actor.groups();
    if (g.contains(Roles.provinceOfficers(s.provinceCode()))
        || g.contains(Roles.provinceCommittee(s.provinceCode()))) {
      return true;
    }
    return s.districtCode() != null
        && (g.contains(Roles.districtOfficers(s.districtCode()))
            || g.contains(Roles.districtCommittee(s.districtCode())));
  }

  /** The kinds of paper the instance takes at the steps open now. */
  private List<DocumentSlot> openSlots(Scope scope) {
    Set<String> open = new LinkedHashSet<>();
    for (Task t :
        tasks.createTaskQuery().processInstanceId(scope.processInstanceId()).active().list()) {
      open.add(t.getTaskDefinitionKey());
    }
    return slots().stream()
        .filter(s -> s.processKey().equals(scope.processKey()))
        .filter(s -> s.steps().stream().anyMatch(open::contains))
        .toList();
  }

  private List<DocumentSlot> slots() {
    return slotSources.stream().flatMap(s -> s.slots().stream()).toList();
  }

  private DocumentRefusal tooLarge() {
    return new DocumentRefusal(
        413,
        "ไฟล์มีขนาดเกิน "
            + maxSizeText()
            + " ซึ่งเป็นขนาดสูงสุดของเอกสารแนบ: กรุณาลดความละเอียดของภาพหรือแบ่งไฟล์แล้วแนบใหม่");
  }

  /**
   * The name as sent, without folders or control characters, at most 120 characters, with the
   * extension of what the file really is.
   */
  static String safeName(String sent, String mediaType) {
    String name = sent == null ? "" : sent;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    if (base.isBlank()) {
      base = "เอกสาร";
    }
    if (base.length() > 120) {
      base = base.substring(0, 120);
    }
    return base + ContentTypes.ACCEPTED.get(mediaType);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> between(String group, String prefix, String suffix) {
    if (group.startsWith(prefix)
        && group.endsWith(suffix)
        && group.length() > prefix.length() + suffix.length()) {
      return Optional.of(group.substring(prefix.length(), group.length() - suffix.length()));
    }
    return Optional.empty();
  }
}
