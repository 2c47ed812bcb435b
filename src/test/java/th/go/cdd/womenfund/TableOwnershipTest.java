package th.go.cdd.womenfund;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Table ownership (issue 12). Every table of the migrations has one owning capability, its one
 * writer; SQL in main code names only its own capability's tables, reads and writes alike. Another
 * capability's data comes through the owner's Java API, or, for set-based queries, through a view
 * the owner publishes (V65), which it may read and never write. ArchUnit sees types, not SQL, so
 * this reads the migrations and the main sources.
 */
class TableOwnershipTest {

  private static final Path MAIN = Path.of("src/main/java/th/go/cdd/womenfund");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /** table → the capability (top-level package) that owns it and alone writes it. */
  static final Map<String, String> OWNER =
      Map.ofEntries(
          entry("province", "area"),
          entry("district", "area"),
          entry("sub_district", "area"),
          entry("member", "member"),
          entry("interest_rate", "loan"),
          entry("women_group", "loan"),
          entry("loan_project", "loan"),
          entry("loan_borrower", "loan"),
          entry("family_acknowledgement", "loan"),
          entry("risk_cover", "loan"),
          entry("repayment_installment", "repayment"),
          entry("repayment_payment", "repayment"),
          entry("payment_allocation", "repayment"),
          entry("payment_reversal", "repayment"),
          entry("allocation_correction", "repayment"),
          entry("overdue_follow_up", "overdue"),
          entry("follow_up_event", "overdue"),
          entry("field_visit", "overdue"),
          entry("scheduler_lock", "overdue"),
          entry("restructuring_round", "restructuring"),
          entry("restructuring_package", "restructuring"),
          entry("restructuring_debtor", "restructuring"),
          entry("restructuring_document_type", "restructuring"),
          entry("fund_membership", "membership"),
          entry("member_organisation", "membership"),
          entry("recruitment_target", "membership"),
          entry("subsidy_allocation", "budget"),
          entry("subsidy_allocation_line", "budget"),
          entry("admin_budget", "budget"),
          entry("admin_disbursement", "budget"),
          entry("subsidy_project", "subsidy"),
          entry("subsidy_project_line", "subsidy"),
          entry("money_approval", "approval"),
          entry("mail_message", "notification"),
          entry("public_holiday", "holiday"),
          entry("portfolio_snapshot", "reporting"),
          entry("death_claim", "riskcover"),
          entry("loan_reschedule", "restructuring"),
          entry("account_invitation", "provisioning"),
          entry("occupation_sale", "occupation"),
          entry("meeting", "meeting"),
          entry("meeting_resolution", "meeting"),
          entry("document", "document"),
          entry("document_content", "document"),
          entry("visit_plan", "fieldvisit"),
          entry("visit_action", "fieldvisit"),
          entry("process_scope", "security"),
          entry("step_actor", "security"),
          entry("login_throttle", "security"),
          entry("one_time_password", "security"),
          // Spring Session JDBC's own tables (V60), written only by Spring Session as configured by
          // security
          entry("spring_session", "security"),
          entry("spring_session_attributes", "security"));

  /**
   * Published read views (V65) → the capability that keeps them; anyone may read them, nobody
   * writes them.
   */
  static final Map<String, String> VIEW_OWNER =
      Map.of(
          "loan_view",
          "loan",
          "women_group_view",
          "loan",
          "loan_borrower_view",
          "loan",
          "member_view",
          "member",
          "installment_view",
          "repayment");

  /**
   * Packages whose SQL may name any table, each with the reason. Keep it short: a new entry needs a
   * reason a reviewer accepts.
   */
  static final Map<String, String> EXCEPTIONS =
      Map.of(
          "demo",
          "demo fixtures write the example fund straight into every table; they load only in the demo and"
              + " test profiles (ArchitectureTest.demoBeansOnlyInDemoProfile), never in production");

  private static final Pattern CREATE =
      Pattern.compile(
          "\\bcreate\\s+(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?" + "([a-z_]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern STRING_LITERAL =
      Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern CONCATENATION = Pattern.compile("\"\\s*\\+\\s*\"");

  /**
   * A table named after from/join/into/update, and those listed after it with commas ("from a x, b
   * y").
   */
  private static final Pattern TABLE =
      Pattern.compile(
          "\\b(delete\\s+from|from|join|into|update)\\s+([a-z_]+)"
              + "((?:\\s+(?:as\\s+)?[a-z_]+)?(?:\\s*,\\s*[a-z_]+(?:\\s+(?:as\\s+)?[a-z_]+)?)*)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LOAN_STATUS_WRITE =
      Pattern.compile(
          "update\\s+loan_project\\s+set\\b[^;]*?\\bstatus\\s*=",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Set<String> KEYWORDS =
      Set.of(
          "where", "join", "left", "inner", "on", "order", "group", "set", "values", "select", "as",
          "for", "union", "having", "fetch");

  /** One use of a table in main SQL: where, how (from/join/into/update) and which table. */
  record Use(String pkg, String file, String verb, String table) {

    boolean writes() {
      return verb.equals("into") || verb.equals("update") || verb.startsWith("delete");
    }

    @Override
    public String toString() {
      return pkg + "/" + file + ": " + verb + " " + table;
    }
  }

  @Test
  void everyTableAndViewOfTheMigrationsHasAnOwner() throws IOException {
    Map<String, Set<String>> created = created();
    assertThat(OWNER.keySet())
        .as("owned tables")
        .containsExactlyInAnyOrderElementsOf(created.get("table"));
    assertThat(VIEW_OWNER.keySet())
        .as("published views")
        .containsExactlyInAnyOrderElementsOf(created.get("view"));
  }

  @Test
  void sqlNamesOnlyItsOwnCapabilitysTables() throws IOException {
    List<String> foreign =
        uses().stream()
            .filter(u -> OWNER.containsKey(u.table()) && !OWNER.get(u.table()).equals(u.pkg()))
            .map(u -> u + " (owned by " + OWNER.get(u.table()) + ")")
            .toList();
    assertThat(foreign)
        .as("SQL on another capability's tables: ask its Java API or read its published view")
        .isEmpty();
  }

  @Test
  void publishedViewsAreOnlyRead() throws IOException {
    assertThat(
            uses().stream()
                .filter(u -> VIEW_OWNER.containsKey(u.table()) && u.writes())
                .map(Use::toString))
        .as("writes into a published view")
        .isEmpty();
  }

  @Test
  void everyTableHasOneWriter() throws IOException {
    Map<String, Set<String>> writers = new TreeMap<>();
    uses().stream()
        .filter(Use::writes)
        .filter(u -> OWNER.containsKey(u.table()))
        .forEach(u -> writers.computeIfAbsent(u.table(), t -> new TreeSet<>()).add(u.pkg()));
    writers.forEach(
        (table, packages) ->
            assertThat(packages)
                .as("capabilities writing " + table)
                .containsExactly(OWNER.get(table)));
    assertThat(writers)
        .as("the scan sees writes")
        .containsKeys("loan_project", "repayment_installment", "risk_cover", "money_approval");
  }

  @Test
  void onlyLoanWritesLoanStatus() throws IOException {
    List<String> writers;
    try (Stream<Path> files = Files.walk(MAIN)) {
      writers =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> LOAN_STATUS_WRITE.matcher(read(f)).find())
              .map(f -> MAIN.relativize(f).toString().replace('\\', '/'))
              .filter(f -> !EXCEPTIONS.containsKey(f.substring(0, f.indexOf('/'))))
              .sorted()
              .toList();
    }
    assertThat(writers)
        .as("classes that write loan_project.status")
        .isNotEmpty()
        .allMatch(f -> f.startsWith("loan/"), "are in loan/");
  }

  /** The scan itself: a foreign read in a joined, concatenated literal is seen. */
  @Test
  void theScanSeesTablesInConcatenatedSql() {
    List<Use> found =
        uses(
            "overdue",
            "X.java",
            "String q = \"select l.id from repayment_installment i join \" + \"loan_project l on l.id = i.loan_id\";"
                + " String r = \"\"\"\n delete from member where id in"
                + " (select id from field_visit v, women_group g)\"\"\";");
    assertThat(found)
        .extracting(Use::table)
        .containsExactly(
            "repayment_installment", "loan_project", "member", "field_visit", "women_group");
    assertThat(found.get(2).writes()).isTrue();
  }

  private static Map<String, Set<String>> created() throws IOException {
    Map<String, Set<String>> created = Map.of("table", new TreeSet<>(), "view", new TreeSet<>());
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      files
          .filter(f -> f.toString().endsWith(".sql"))
          .forEach(
              f -> {
                Matcher m = CREATE.matcher(read(f));
                while (m.find()) {
                  created
                      .get(m.group(1).toLowerCase(Locale.ROOT))
                      .add(m.group(2).toLowerCase(Locale.ROOT));
                }
              });
    }
    return created;
  }

  private static List<Use> uses() throws IOException {
    List<Use> uses = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String rel = MAIN.relativize(f).toString().replace('\\', '/');
                if (rel.contains("/")) {
                  String pkg = rel.substring(0, rel.indexOf('/'));
                  if (!EXCEPTIONS.containsKey(pkg)) {
                    uses.addAll(uses(pkg, f.getFileName().toString(), read(f)));
                  }
                }
              });
    }
    return uses;
  }

  static List<Use> uses(String pkg, String file, String source) {
    List<Use> uses = new ArrayList<>();
    Matcher literal = STRING_LITERAL.matcher(CONCATENATION.matcher(source).replaceAll(""));
    while (literal.find()) {
      Matcher t = TABLE.matcher(literal.group());
      while (t.find()) {
        String verb = t.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        uses.add(new Use(pkg, file, verb, t.group(2).toLowerCase(Locale.ROOT)));
        String[] listed = t.group(3).split(",");
        for (int i = 1; i < listed.length; i++) {
          String table = listed[i].trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
          if (!KEYWORDS.contains(table)) {
            uses.add(new Use(pkg, file, verb, table));
          }
        }
      }
    }
    return uses;
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
