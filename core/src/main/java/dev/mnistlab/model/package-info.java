/**
 * Network architectures, built as DJL blocks.
 *
 * <p>An {@link dev.mnistlab.model.Architecture} is a small immutable description (name and
 * hyper-parameters) that builds a fresh, uninitialised {@link ai.djl.nn.Block} on demand, so the
 * same description can be written into a model folder and rebuilt on any engine:
 *
 * <pre>{@code
 * Architecture mlp = new MlpArchitecture(List.of(128, 64));
 * model.setBlock(mlp.newBlock(10));
 * }</pre>
 */
package dev.mnistlab.model;
