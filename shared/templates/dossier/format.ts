/** Bytes as a clerk reads them, with the language's decimal mark and units: «345 байт», «1,2 МБ». */
export function sizeIn(bytes: number, units: readonly [string, string, string, string], decimal: ',' | '.'): string {
  if (bytes < 1024) return `${bytes} ${units[0]}`;
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, units[1]] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, units[2]] : [bytes / 1024 ** 3, units[3]];
  return `${value.toFixed(1).replace('.', decimal)} ${unit}`;
}
