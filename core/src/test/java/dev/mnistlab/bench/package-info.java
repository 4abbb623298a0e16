/**
 * JMH micro-benchmarks of core's engine-free hot paths. Run them (they run from the cli module, with
 * the engine ones) with {@code mvn -B -Pjmh -DskipTests verify -pl cli -am}; see docs/benchmarks.md.
 */
package dev.mnistlab.bench;
