// Minimal declarations for the two untyped packages the model pipeline uses.
declare module 'draco3dgltf' {
  const draco3d: {
    createDecoderModule(options?: object): Promise<unknown>;
    createEncoderModule(options?: object): Promise<unknown>;
  };
  export default draco3d;
}

declare module 'gltf-validator' {
  export interface ValidationOptions {
    uri?: string;
    format?: 'gltf' | 'glb';
    externalResourceFunction?: (uri: string) => Promise<Uint8Array>;
    writeTimestamp?: boolean;
    maxIssues?: number;
    ignoredIssues?: string[];
    onlyIssues?: string[];
    severityOverrides?: Record<string, number>;
  }
  export function validateBytes(data: Uint8Array, options?: ValidationOptions): Promise<unknown>;
  export function validateString(json: string, options?: ValidationOptions): Promise<unknown>;
  export function version(): string;
}
