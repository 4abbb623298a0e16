/**
 * JMH micro-benchmarks of the hot paths that need an engine (this module has both on its class
 * path). Run them with {@code mvn -B -Pjmh -DskipTests verify -pl cli -am}; see docs/benchmarks.md.
 */
package dev.mnistlab.bench;
