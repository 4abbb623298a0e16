/**
 * Files written for people and machines about a run: {@code metrics.json}, the training curves
 * ({@link dev.mnistlab.pictures.TrainingCurves}), the confusion heat map
 * ({@link dev.mnistlab.pictures.ConfusionChart}) and sheets of labelled images
 * ({@link dev.mnistlab.pictures.ImageGrid}, {@link dev.mnistlab.pictures.SampleSheet}). Every file is
 * written to a temporary name and renamed into place, so readers never see half a file.
 */
package dev.mnistlab.report;
