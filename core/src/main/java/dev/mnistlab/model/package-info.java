/**
 * Network architectures, built as DJL blocks.
 *
 * <p>An {@link dev.mnistlab.model.Architecture} is a small immutable description (name and
 * hyper-parameters) that builds a fresh, uninitialised {@link ai.djl.nn.Block} on demand, so the
 * same description can be written into a model folder and rebuilt on any engine:
 *
 * <pre>{@code
 * Architecture mlp = Architecture.parse("mlp", List.of(32));
 * model.setBlock(mlp.newBlock(10));
 * }</pre>
 */
package dev.mnistlab.model;
