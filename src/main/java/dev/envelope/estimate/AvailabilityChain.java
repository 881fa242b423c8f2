package dev.envelope.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * The availability of a request's path: components in sequence, each possibly redundant
 * ({@link Redundancy}). Every component must be up, failures are independent, so
 *
 * <pre>
 *   A(chain) = product of A(component)                 (System Design Primer, "Availability in sequence")
 *   nines    = -log10(1 - A)
 *   margin   = nines(chain) - nines(target);  downtime per month = (1 - A) x month
 * </pre>
 *
 * The component with the lowest availability caps the chain: no other change gains more. A
 * component with one replica is a single point of failure: the chain is down whenever it is.
 * Computed in logarithms of unavailability, so that nines stay finite past double precision.
 */
public final class AvailabilityChain {
  private AvailabilityChain() {}

  private static final double LN10 = Math.log(10);

  /**
   * One component as given: a replica's unavailability ({@code 1 - availability}, or from MTBF and
   * MTTR), its replicas and how many of them must be up.
   */
  public record Input(String name, double replicaUnavailability, int replicas, int required) {}

  /** One component with its redundancy: {@code logUnavailability} is ln(1 - availability). */
  public record Link(String name, double replicaAvailability, int replicas, int required, double logUnavailability) {
    public double unavailability() {
      return Math.exp(logUnavailability);
    }

    public double availability() {
      return -Math.expm1(logUnavailability);
    }

    public double nines() {
      return -logUnavailability / LN10;
    }

    /** One replica: nothing takes over when it fails. */
    public boolean singlePointOfFailure() {
      return replicas == 1;
    }
  }

  /** The chain's links, its own ln(1 - availability), and the link that caps it (the first on a tie). */
  public record Chain(List<Link> links, double logUnavailability, String limitedBy) {
    public Chain {
      links = List.copyOf(links);
    }

    public double unavailability() {
      return Math.exp(logUnavailability);
    }

    public double availability() {
      return -Math.expm1(logUnavailability);
    }

    public double nines() {
      return -logUnavailability / LN10;
    }

    /** The names of the components with one replica, in chain order. */
    public List<String> singlePointsOfFailure() {
      return links.stream().filter(Link::singlePointOfFailure).map(Link::name).toList();
    }

    /** Whether the chain is at least as available as {@code targetMiss} (1 - target) allows. */
    public boolean meets(double targetMiss) {
      return logUnavailability <= Math.log(targetMiss);
    }

    /** Nines of the chain minus nines of the target: negative when the target is missed. */
    public double marginNines(double targetMiss) {
      return nines() + Math.log10(targetMiss);
    }
  }

  public static Chain of(List<Input> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a chain needs at least one component");
    }
    List<Link> links = new ArrayList<>();
    double logUp = 0;
    double maxLog = Double.NEGATIVE_INFINITY;
    String limitedBy = null;
    for (Input in : inputs) {
      double log = Redundancy.logUnavailability(in.replicaUnavailability(), in.replicas(), in.required());
      links.add(new Link(in.name(), 1 - in.replicaUnavailability(), in.replicas(), in.required(), log));
      logUp += Math.log1p(-Math.exp(log));
      if (log > maxLog) {
        maxLog = log;
        limitedBy = in.name();
      }
    }
    double down = -Math.expm1(logUp);
    double logDown;
    if (down > 1e-12) {
      logDown = Math.log(down);
    } else {
      // Far past double precision in 1 - A: the chain's unavailability is the sum of its links'.
      double sum = 0;
      for (Link l : links) {
        sum += Math.exp(l.logUnavailability() - maxLog);
      }
      logDown = maxLog + Math.log(sum);
    }
    return new Chain(links, logDown, limitedBy);
  }
}
