package th.go.cdd.womenfund.bench;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The raw SQL of a page: every query one request runs (the app's and the engine's, with their
 * parameters), recorded through the DataSource and then replayed over plain JDBC, each row read.
 * The page's time divided by the replay's is what the page adds to its database work. Writes (a
 * session's last access, an audit row) are recorded but not replayed.
 */
public final class PageSql implements QueryExecutionListener {

  public static final PageSql INSTANCE = new PageSql();

  /** One query as the request sent it. */
  public record Query(String sql, List<ParameterSetOperation> parameters) {}

  private final List<Query> recorded = new ArrayList<>();
  private volatile boolean recording;

  private PageSql() {}

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    if (!recording || execInfo.isBatch()) {
      return;
    }
    synchronized (recorded) {
      for (QueryInfo q : queryInfoList) {
        String sql = q.getQuery().stripLeading().toLowerCase(Locale.ROOT);
        if (sql.startsWith("select") || sql.startsWith("with")) {
          recorded.add(
              new Query(
                  q.getQuery(),
                  q.getParametersList().isEmpty()
                      ? List.of()
                      : List.copyOf(q.getParametersList().get(0))));
        }
      }
    }
  }

  /** The queries {@code request} runs (it must succeed). */
  public List<Query> record(Callable<Integer> request) throws Exception {
    synchronized (recorded) {
      recorded.clear();
    }
    recording = true;
    try {
      request.call();
    } finally {
      recording = false;
    }
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** Runs the queries over one connection of {@code ds}, reading every row; returns the rows. */
  public static int replay(DataSource ds, List<Query> queries) throws SQLException {
    int rows = 0;
    try (Connection c = ds.getConnection()) {
      for (Query q : queries) {
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
          for (ParameterSetOperation op : q.parameters()) {
            try {
              op.getMethod().invoke(ps, op.getArgs());
            } catch (IllegalAccessException | InvocationTargetException e) {
              throw new SQLException("replaying a parameter of " + q.sql(), e);
            }
          }
          try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                rs.getObject(i);
              }
              rows++;
            }
          }
        }
      }
    }
    return rows;
  }

  /** Wraps the Spring DataSource bean so that a request's queries can be recorded. */
  public static BeanPostProcessor wrappingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds
            && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(ds).name("page-sql").listener(INSTANCE).build();
        }
        return bean;
      }
    };
  }
}
