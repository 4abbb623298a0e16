/**
 * Comparing engines: the same training and inference work on every (engine, model) pair, each in
 * a JVM of its own, gathered into one report.
 *
 * <p>The parent side plans the pairs ({@link dev.mnistlab.compare.ComparePlan}), launches them
 * ({@link dev.mnistlab.compare.PairLauncher}, normally {@link dev.mnistlab.compare.ChildJvmLauncher})
 * and writes {@code results.json}, {@code results.csv}, {@code report.md} and charts after every
 * pair ({@link dev.mnistlab.compare.CompareReport}). The child side measures one pair
 * ({@link dev.mnistlab.compare.PairMeasurer}) and answers with {@link dev.mnistlab.compare.PairFigures}.
 */
package dev.mnistlab.compare;
