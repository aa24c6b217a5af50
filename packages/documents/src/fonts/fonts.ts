import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// DejaVu Sans covers English, Spanish and Vietnamese and, unlike Noto Sans, extracts Vietnamese text exactly (STACK.md).
export const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
