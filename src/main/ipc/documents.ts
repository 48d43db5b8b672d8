// Handlers of the documents domain's channels: generation into the main process's temporary folder, then preview, save, open, show.
import { documentChoices, documentBytes, generateForRenderer, openDocument, saveDocumentAs, showDocumentInFolder } from '../documents/service';
import type { HandlerSlice } from './handlers';

type DocumentChannels =
  | 'documents:choices'
  | 'documents:convocation'
  | 'documents:emargement'
  | 'documents:minutes'
  | 'documents:plan'
  | 'documents:fiche'
  | 'documents:dashboard'
  | 'documents:members'
  | 'documents:rules'
  | 'documents:charter'
  | 'documents:charterReview'
  | 'documents:bytes'
  | 'documents:saveAs'
  | 'documents:open'
  | 'documents:showInFolder';

export const documentsHandlers: HandlerSlice<DocumentChannels> = {
  'documents:choices': (_i, ctx) => documentChoices(ctx.store.data, ctx.now()),
  'documents:convocation': (i, ctx) => generateForRenderer(ctx, 'convocation', i),
  'documents:emargement': (i, ctx) => generateForRenderer(ctx, 'emargement', i),
  'documents:minutes': (i, ctx) => generateForRenderer(ctx, 'minutes', i),
  'documents:plan': (i, ctx) => generateForRenderer(ctx, 'plan', i ?? {}),
  'documents:fiche': (i, ctx) => generateForRenderer(ctx, 'fiche', i),
  'documents:dashboard': (i, ctx) => generateForRenderer(ctx, 'dashboard', i),
  'documents:members': (i, ctx) => generateForRenderer(ctx, 'members', i ?? {}),
  'documents:rules': (i, ctx) => generateForRenderer(ctx, 'rules', i),
  'documents:charter': (i, ctx) => generateForRenderer(ctx, 'charter', i),
  'documents:charterReview': (i, ctx) => generateForRenderer(ctx, 'charter_review', i),
  'documents:bytes': (i) => documentBytes(i.token),
  'documents:saveAs': (i, ctx) => saveDocumentAs(ctx, i.token),
  'documents:open': (i, ctx) => openDocument(ctx, i.token),
  'documents:showInFolder': (i, ctx) => showDocumentInFolder(ctx, i.token),
};
