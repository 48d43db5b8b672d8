// In-app PDF preview with pdf.js: renders the pages of a generated document to canvases, progressively.
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { fr } from '../../../../shared/i18n';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const t = fr.documents.screen;
const BATCH = 12;

function PageCanvas({ doc, n, scale }: { doc: pdfjs.PDFDocumentProxy; n: number; scale: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let task: pdfjs.RenderTask | undefined;
    let alive = true;
    void doc.getPage(n).then((page) => {
      const canvas = ref.current;
      if (!alive || !canvas) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.width = `${viewport.width / ratio}px`;
      canvas.style.height = `${viewport.height / ratio}px`;
      task = page.render({ canvas, viewport });
      task.promise.catch(() => undefined);
    });
    return () => {
      alive = false;
      task?.cancel();
    };
  }, [doc, n, scale]);
  return (
    <Paper shadow="sm" withBorder style={{ lineHeight: 0 }}>
      <canvas ref={ref} aria-label={fr.documents.frame.page(n, doc.numPages)} role="img" data-testid="pdf-page" />
    </Paper>
  );
}

export function PdfPreview({ bytes }: { bytes: Uint8Array }) {
  const [doc, setDoc] = useState<pdfjs.PDFDocumentProxy>();
  const [error, setError] = useState(false);
  const [shown, setShown] = useState(BATCH);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    let alive = true;
    setDoc(undefined);
    setError(false);
    setShown(BATCH);
    // pdf.js takes ownership of the buffer it is given: hand it a copy. A failed load is retried once before the
    // message (seen once in the E2E, plan generated right after a relevé on a loaded machine; cause not established).
    let task = pdfjs.getDocument({ data: bytes.slice() });
    const load = (retry: boolean): void => {
      task.promise.then(
        (d) => {
          if (alive) setDoc(d);
        },
        () => {
          if (!alive) return;
          if (!retry) return setError(true);
          void task.destroy();
          task = pdfjs.getDocument({ data: bytes.slice() });
          load(false);
        },
      );
    };
    load(true);
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [bytes]);
  if (error) return <Alert color="orange">{t.previewError}</Alert>;
  if (!doc)
    return (
      <Center p="xl">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">{t.loadingPreview}</Text>
        </Group>
      </Center>
    );
  const pages = Array.from({ length: Math.min(shown, doc.numPages) }, (_, i) => i + 1);
  return (
    <Stack gap="sm">
      <Group gap="xs" justify="flex-end">
        <Button variant="default" size="xs" leftSection={<IconZoomOut size={16} />} onClick={() => setScale((s) => Math.max(0.5, s - 0.25))}>
          {t.zoomOut}
        </Button>
        <Button variant="default" size="xs" leftSection={<IconZoomIn size={16} />} onClick={() => setScale((s) => Math.min(2.5, s + 0.25))}>
          {t.zoomIn}
        </Button>
      </Group>
      <Stack align="center" gap="md" p="md" bg="gray.1" style={{ borderRadius: 8 }}>
        {pages.map((n) => (
          <PageCanvas key={n} doc={doc} n={n} scale={scale} />
        ))}
        {doc.numPages > shown ? (
          <Button variant="light" onClick={() => setShown((s) => s + BATCH)}>
            {t.morePages(doc.numPages - shown)}
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}
