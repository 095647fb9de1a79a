export interface LayerBreak {
  file: string;
  line: number;
  rule: string;
  message: string;
}
export interface Import {
  spec: string;
  line: number;
  kind: 'value' | 'type' | 'dynamic';
}
export function importsOf(text: string, fileName: string): Import[];
export function checkLayers(root?: string): LayerBreak[];
export function formatBreak(b: LayerBreak): string;
