/**
 * Files written for people and machines about a run, such as {@code metrics.json}. Every file is
 * written to a temporary name and renamed into place, so readers never see half a file.
 */
package dev.mnistlab.report;
