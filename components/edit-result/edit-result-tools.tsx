'use client';
import { useState } from 'react';
import { EditViewer, type EditResult, type ViewerTab } from './edit-viewer';

export type EditResultToolsProps = EditResult;

/** A finished edit on its own (the dev harness): the viewer's Compare and Changes tabs. */
export function EditResultTools(props: EditResultToolsProps) {
  const [tab, setTab] = useState<ViewerTab>('compare');
  return (
    <section aria-label="After the edit">
      <EditViewer edit={props} tab={tab} onTab={setTab} />
    </section>
  );
}
