package th.go.cdd.womenfund.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's authorization check ask the database only about the signed-in user's own
 * groups.
 *
 * <p>Before every authorized query (a Tasklist page, its count, a Cockpit list) Camunda 7.24 reads
 * {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION} — every group that holds any
 * authorization — and keeps those of the user's groups that appear in it. With authorization on,
 * every open task adds two or three rows to that table, so at national scale (100,000 open tasks,
 * 300,000 rows) that one statement took 61–87 ms, twice per Tasklist page (docs/PERFORMANCE.md,
 * section 3; camunda/camunda-bpm-platform#5485). This plugin replaces it with the same question
 * restricted to the user's groups ({@code … where GROUP_ID_ in (:groups)}), answered from the
 * engine's index {@code ACT_IDX_AUTH_GROUP_ID}. The answer is the same set of groups, so nobody
 * sees more or less than before; only the cost changes.
 *
 * <p>{@code womenfund.security.scoped-group-lookup=false} restores the engine's statement (the
 * benchmark measures both in one run).
 */
@Component
public class AuthorizedGroupLookup extends AbstractProcessEnginePlugin {

  /**
   * Groups asked about in one statement; a user has a handful, this only bounds an unusual account.
   */
  static final int GROUPS_PER_STATEMENT = 100;

  private volatile boolean scoped;

  public AuthorizedGroupLookup(
      @Value("${womenfund.security.scoped-group-lookup:true}") boolean scoped) {
    this.scoped = scoped;
  }

  /**
   * Switches between the scoped look-up and the engine's own, for new commands (the benchmark uses
   * it).
   */
  public void setScoped(boolean scoped) {
    this.scoped = scoped;
  }

  public boolean isScoped() {
    return scoped;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return scoped ? new ScopedAuthorizationManager() : new AuthorizationManager();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, asking only about the user's groups. */
  static class ScopedAuthorizationManager extends AuthorizationManager {

    private List<String> askedFor;
    private Set<String> answer;

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return new ArrayList<>();
      }
      if (answer == null || !authenticatedGroupIds.equals(askedFor)) {
        askedFor = List.copyOf(authenticatedGroupIds);
        answer = groupsWithAuthorizations(askedFor);
      }
      return new ArrayList<>(answer);
    }

    private Set<String> groupsWithAuthorizations(List<String> groups) {
      String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      List<String> distinct = new ArrayList<>(new HashSet<>(groups));
      Set<String> found = new HashSet<>();
      for (int from = 0; from < distinct.size(); from += GROUPS_PER_STATEMENT) {
        List<String> chunk =
            distinct.subList(from, Math.min(distinct.size(), from + GROUPS_PER_STATEMENT));
        String sql =
            "select distinct GROUP_ID_ from "
                + (prefix == null ? "" : prefix)
                + "ACT_RU_AUTHORIZATION"
                + " where GROUP_ID_ in ("
                + String.join(",", Collections.nCopies(chunk.size(), "?"))
                + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            statement.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(rows.getString(1));
            }
          }
        } catch (SQLException e) {
          throw new ProcessEngineException("could not read the groups that hold authorizations", e);
        }
      }
      return found;
    }
  }
}
