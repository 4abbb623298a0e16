/**
 * Image data: IDX files, the named datasets, where their files are found (or downloaded), and the
 * batches fed to the engines.
 *
 * <p>A typical use finds a dataset, loads it and walks it in batches:
 *
 * <pre>{@code
 * Path dir = DatasetLocator.standard(DownloadProgress.NONE).locate(NamedDataset.MNIST, null);
 * DatasetSplits splits = DatasetLoader.load(dir, NamedDataset.MNIST);
 * ImageBatcher batcher = new ImageBatcher(splits.train(), 32);
 * }</pre>
 */
package dev.mnistlab.data;
