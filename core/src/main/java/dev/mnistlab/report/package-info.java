/**
 * Files written for people and machines about a run: {@code metrics.json}, the training curves
 * ({@link dev.mnistlab.report.TrainingCurves}), the confusion heat map
 * ({@link dev.mnistlab.report.ConfusionChart}) and sheets of labelled images
 * ({@link dev.mnistlab.report.ImageGrid}, {@link dev.mnistlab.report.SampleSheet}). Every file is
 * written to a temporary name and renamed into place, so readers never see half a file.
 */
package dev.mnistlab.report;
