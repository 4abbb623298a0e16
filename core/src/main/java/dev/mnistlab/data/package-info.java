/**
 * Image data: IDX files and image folders, the named datasets, where their files are found (or
 * downloaded), their provenance, and DJL datasets over them.
 *
 * <p>A typical use finds a dataset, loads it into memory and hands it to DJL:
 *
 * <pre>{@code
 * DatasetSplits splits = DatasetLoader.load(NamedDataset.MNIST);       // or load(folder, NamedDataset.MNIST)
 * ImageDataset train = ImageDataset.builder(splits.train()).setSampling(32, true).optSeed(42).build();
 * splits.source().sha256();                                             // what was read, fingerprinted
 * }</pre>
 *
 * <p>{@code dev.mnistlab.data.internal} holds the batching machinery; it is not API.
 */
package dev.mnistlab.data;
