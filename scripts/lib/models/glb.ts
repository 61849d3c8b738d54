/** Writes meshes as a binary glTF with glTF-Transform (deterministic bytes). */
import { Document, NodeIO } from '@gltf-transform/core';
import type { MeshData } from './geometry.ts';

export interface MaterialSpec {
  name: string;
  roughness: number;
  metallic: number;
  doubleSided?: boolean;
}

/** sRGB → linear (glTF vertex colours are linear). */
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

export async function writeGlb(
  parts: { mesh: MeshData; material: MaterialSpec }[],
  meta: { name: string; copyright: string },
): Promise<Uint8Array> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Baigong Cloud generate-models (glTF-Transform)';
  doc.getRoot().getAsset().copyright = meta.copyright;
  const buffer = doc.createBuffer();
  const scene = doc.createScene(meta.name);
  const root = doc.createNode(meta.name);
  scene.addChild(root);
  const materials = new Map<string, ReturnType<Document['createMaterial']>>();
  for (const { mesh, material } of parts) {
    let mat = materials.get(material.name);
    if (!mat) {
      mat = doc
        .createMaterial(material.name)
        .setBaseColorFactor([1, 1, 1, 1])
        .setRoughnessFactor(material.roughness)
        .setMetallicFactor(material.metallic)
        .setDoubleSided(material.doubleSided ?? false);
      materials.set(material.name, mat);
    }
    const count = mesh.positions.length / 3;
    const position = doc
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array(mesh.positions.map((v) => Math.fround(Math.round(v * 1e6) / 1e6))))
      .setBuffer(buffer);
    const normal = doc
      .createAccessor()
      .setType('VEC3')
      .setArray(new Float32Array(mesh.normals.map((v) => Math.round(v * 1e5) / 1e5)))
      .setBuffer(buffer);
    const color = doc
      .createAccessor()
      .setType('VEC3')
      .setArray(new Uint8Array(mesh.colors.map((c) => Math.round(toLinear(c) * 255))))
      .setNormalized(true)
      .setBuffer(buffer);
    const indices = doc
      .createAccessor()
      .setType('SCALAR')
      .setArray(count > 65535 ? new Uint32Array(mesh.indices) : new Uint16Array(mesh.indices))
      .setBuffer(buffer);
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', position)
      .setAttribute('NORMAL', normal)
      .setAttribute('COLOR_0', color)
      .setIndices(indices)
      .setMaterial(mat);
    const node = doc.createNode(mesh.name).setMesh(doc.createMesh(mesh.name).addPrimitive(prim));
    root.addChild(node);
  }
  return new NodeIO().writeBinary(doc);
}
