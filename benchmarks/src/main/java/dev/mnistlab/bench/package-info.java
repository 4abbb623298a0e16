/**
 * JMH micro-benchmarks: IDX decoding and preprocessing (engine-free), batch creation and prediction
 * on both engines. Run them with {@code mvn -B -Pjmh -DskipTests verify -pl benchmarks -am}; see
 * docs/benchmarks.md.
 */
package dev.mnistlab.bench;
