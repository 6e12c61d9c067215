/**
 * Bytes a writer emits in many small pieces, copied into blocks of BLOCK bytes as they come. pdfkit emits every
 * line of every object as its own small chunk — a 300-page dossier gives some 150,000 — and a Buffer per chunk costs
 * far more than its bytes (each an object, an ArrayBuffer and its backing store): kept in blocks, the document's
 * bytes take about their own size until they are joined once at the end.
 */
const BLOCK = 1 << 20;

export class ByteSink {
  private readonly blocks: Buffer[] = [];
  private current = Buffer.allocUnsafe(BLOCK);
  private used = 0;

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.used === this.current.length) this.nextBlock();
      const n = Math.min(chunk.length - offset, this.current.length - this.used);
      this.current.set(chunk.subarray(offset, offset + n), this.used);
      this.used += n;
      offset += n;
    }
  }

  /** The bytes so far, as one Buffer. */
  bytes(): Buffer {
    return Buffer.concat([...this.blocks, this.current.subarray(0, this.used)]);
  }

  private nextBlock(): void {
    this.blocks.push(this.current);
    this.current = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
  }
}
