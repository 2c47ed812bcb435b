package th.go.cdd.womenfund.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completed instances per second of the app's process against its bare twin, in one JVM and one run
 * after the other (the order alternates from run to run, so neither always runs on a warmer
 * machine). Reported as a ratio per run and its median: on a shared machine the absolute rates
 * move, the ratio within a run much less.
 */
public final class Throughput {

  /** Instances of every path per flavour in each run ({@code -Dbench.throughput.instances}). */
  public static final int INSTANCES_PER_PATH = Integer.getInteger("bench.throughput.instances", 8);

  /** Runs, alternating which flavour goes first ({@code -Dbench.throughput.runs}). */
  public static final int RUNS = Integer.getInteger("bench.throughput.runs", 3);

  /** One instance of every path of the process, completed from start to end, on one side. */
  public interface Round {
    int drive(Flavor side);
  }

  public record Result(String markdown, double medianRatio) {}

  private Throughput() {}

  public static Result compare(String title, String db, Round round) {
    int instancesPerPath = INSTANCES_PER_PATH;
    int runs = RUNS;
    for (Flavor s : Flavor.values()) { // warm-up of both sides
      round.drive(s);
    }
    StringBuilder md = new StringBuilder();
    md.append("### Throughput, ")
        .append(title)
        .append(", ")
        .append(db)
        .append(" (completed instances per second; each run ")
        .append(instancesPerPath)
        .append(
            " instances of every path, one thread)\n\n| run | app inst/s | bare inst/s | bare ÷ app |\n|---|---:|---:|---:|\n");
    List<Double> ratios = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Map<Flavor, Double> rate = new EnumMap<>(Flavor.class);
      List<Flavor> order =
          run % 2 == 1 ? List.of(Flavor.APP, Flavor.BARE) : List.of(Flavor.BARE, Flavor.APP);
      for (Flavor s : order) {
        long t0 = System.nanoTime();
        int count = 0;
        for (int i = 0; i < instancesPerPath; i++) {
          count += round.drive(s);
        }
        rate.put(s, count / ((System.nanoTime() - t0) / 1e9));
      }
      double r = rate.get(Flavor.BARE) / rate.get(Flavor.APP);
      ratios.add(r);
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.1f | %.2f |%n",
              run,
              rate.get(Flavor.APP),
              rate.get(Flavor.BARE),
              r));
    }
    ratios.sort(Double::compare);
    double median = ratios.get(ratios.size() / 2);
    md.append(
        String.format(
            Locale.ROOT,
            "%nMedian bare ÷ app: %.2f (the app completes 1 instance in the time the bare engine completes %.2f)%n",
            median,
            median));
    return new Result(md.toString(), median);
  }
}
