/**
 * JMH micro-benchmarks of core's engine-free hot paths. Run them (with the engine ones in the cli
 * module) with {@code mvn -B -Pjmh -DskipTests verify -pl core,cli -am}; see docs/benchmarks.md.
 */
package dev.mnistlab.bench;
