/**
 * Files written for people and machines about a run: {@code metrics.json}
 * ({@link dev.mnistlab.report.MetricsReport}), the run's output folder
 * ({@link dev.mnistlab.report.RunOutput}, to which front ends add files through
 * {@link dev.mnistlab.report.RunFolderExtra}) and evaluation tables. Every file is written to a
 * temporary name and renamed into place, so readers never see half a file. Pictures are drawn in
 * the {@code mnistlab-pictures} module.
 */
package dev.mnistlab.report;
