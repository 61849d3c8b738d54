/**
 * The scene's light: a studio room generated on the GPU, a directional key light and a
 * hemisphere fill, set from the preset table in `src/lib/viewer/lighting.ts`; and the backdrop.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import {
  Color,
  DirectionalLight,
  HemisphereLight,
  PMREMGenerator,
  type Texture,
  type WebGLRenderer,
} from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { CameraLimits } from '../../lib/viewer/camera.ts';
import { BACKGROUNDS, lightPosition, lightValues } from '../../lib/viewer/lighting.ts';
import type { Background, LightingPreset } from '../../lib/viewer/types.ts';

/**
 * Software WebGL (SwiftShader, llvmpipe) compiles the environment's blur shaders so slowly that
 * the page stalls for seconds; there the studio light is made of plain lights only.
 */
function isSoftwareRenderer(gl: WebGLRenderer): boolean {
  const context = gl.getContext();
  const info = context.getExtension('WEBGL_debug_renderer_info');
  const name = String(context.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : context.RENDERER));
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

/** A neutral room lit by area lights, generated in the GPU: no environment map to download. */
function useStudioRoom(gl: WebGLRenderer, software: boolean): Texture | null {
  const [env, setEnv] = useState<Texture | null>(null);
  useEffect(() => {
    if (software) return;
    const pmrem = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    performance.mark('viewer:environment-start');
    // A small cube is plenty for a blurred studio room and cheap on software renderers.
    const target = pmrem.fromScene(room, 0.04, 0.1, 100, { size: 64 });
    performance.mark('viewer:environment-end');
    room.dispose();
    pmrem.dispose();
    setEnv(target.texture);
    return () => target.dispose();
  }, [gl, software]);
  return env;
}

export default function Lights(props: {
  preset: LightingPreset;
  azimuth: number;
  elevation: number;
  limits: CameraLimits;
  background: Background;
}) {
  const { gl, scene, invalidate } = useThree();
  const software = useMemo(() => isSoftwareRenderer(gl), [gl]);
  const env = useStudioRoom(gl, software);
  const key = useMemo(() => new DirectionalLight('#ffffff', 1), []);
  const hemi = useMemo(() => new HemisphereLight('#ffffff', '#b9ab93', 1), []);
  const { center, radius } = props.limits;

  useEffect(() => {
    scene.background = new Color(BACKGROUNDS[props.background]);
    invalidate();
  }, [scene, props.background, invalidate]);

  useEffect(() => {
    const raking = { azimuth: props.azimuth, elevation: props.elevation };
    const light = lightValues(props.preset, raking, env !== null);
    scene.environment = env;
    scene.environmentIntensity = light.environment;
    key.position.set(...lightPosition(center, radius * 4, light.keyDirection));
    key.target.position.set(...center);
    key.target.updateMatrixWorld();
    key.intensity = light.keyIntensity;
    key.visible = light.keyVisible;
    key.castShadow = light.castShadow;
    hemi.intensity = light.hemisphere;
    const cam = key.shadow.camera;
    cam.left = cam.bottom = -radius * 1.1;
    cam.right = cam.top = radius * 1.1;
    cam.near = radius * 0.5;
    cam.far = radius * 8;
    cam.updateProjectionMatrix();
    key.shadow.mapSize.set(2048, 2048);
    key.shadow.bias = -0.0004;
    key.shadow.normalBias = radius * 0.004;
    invalidate();
  }, [props, env, scene, key, hemi, center, radius, invalidate]);

  return (
    <>
      <primitive object={key} />
      <primitive object={key.target} />
      <primitive object={hemi} />
    </>
  );
}
