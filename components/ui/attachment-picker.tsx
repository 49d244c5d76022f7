"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ACCEPTED_FILE_NAMES, ACCEPTED_KINDS_TEXT, formatBytes, MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/contract/attachments";
import { pastedFiles, precheckFile, tooManyFiles, uploadFile, type UploadRules } from "@/lib/shared/browser/upload-file";
import { buttonStyles } from "./button-styles";

type Item = { key: string; name: string; size: number; progress: number; id?: string; error?: string };

/**
 * Files for the form around it: picked, or pasted into any of its fields (a screenshot becomes a
 * PNG). Each is checked at once, uploaded to `uploadUrl` with its progress shown, and its id handed to
 * the form as a hidden `attachmentIds` field. `busy` tells the form when an upload is still running.
 * Remount it (a new `key`) to start empty after the form was sent.
 */
export function AttachmentPicker({ uploadUrl, rules, onBusyChange }: { uploadUrl: string; rules: UploadRules; onBusyChange?: (busy: boolean) => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const container = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const most = rules.maxPerMessage ?? MAX_ATTACHMENTS_PER_MESSAGE;

  const busy = items.some((item) => !item.id && !item.error);
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  // Uploads still running, so removing a file stops its upload too.
  const running = useRef(new Map<string, AbortController>());
  useEffect(() => {
    const uploads = running.current;
    return () => uploads.forEach((controller) => controller.abort());
  }, []);

  const update = (key: string, change: Partial<Item>) => setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));

  function add(files: File[]) {
    let kept = items.filter((item) => !item.error).length;
    files.forEach((file) => {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const refused = kept >= most ? tooManyFiles(rules) : precheckFile(file, rules);
      if (!refused) kept += 1; // a refused file takes no place from the others
      setItems((all) => [...all, { key, name: file.name, size: file.size, progress: 0, ...(refused ? { error: refused.message } : {}) }]);
      if (refused) return;
      const controller = new AbortController();
      running.current.set(key, controller);
      uploadFile(uploadUrl, file, { onProgress: (progress) => update(key, { progress }), signal: controller.signal })
        .then(
          (attachment) => update(key, { id: attachment.id, name: attachment.name, progress: 1 }),
          (error: Error) => controller.signal.aborted || update(key, { error: error.message }),
        )
        .finally(() => running.current.delete(key));
    });
  }

  // A paste anywhere in the form: images become attachments, text stays text.
  useEffect(() => {
    const form = container.current?.closest("form");
    if (!form) return;
    const onPaste = (event: ClipboardEvent) => {
      const files = pastedFiles(event);
      if (files.length === 0) return;
      event.preventDefault();
      add(files);
    };
    form.addEventListener("paste", onPaste);
    return () => form.removeEventListener("paste", onPaste);
  });

  return (
    <div ref={container} className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        {/* The input is hidden but keeps the keyboard focus; the label that looks like a button shows it. */}
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={ACCEPTED_FILE_NAMES}
          className="peer sr-only"
          onChange={(event) => {
            add(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className={buttonStyles("secondary", "cursor-pointer py-1.5 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-slate-400")}
        >
          Attach files
        </label>
        <span className="text-xs text-slate-500">
          Or paste a screenshot. Up to {most} files of {formatBytes(rules.maxBytes)}: {ACCEPTED_KINDS_TEXT}.
        </span>
      </div>
      {items.length > 0 ? (
        <ul aria-label="Files to send" className="space-y-1.5">
          {items.map((item) => (
            <li key={item.key} className="flex items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-1.5 text-sm">
              <span className="min-w-0 flex-1 truncate">
                {item.name} <span className="text-slate-500">({formatBytes(item.size)})</span>
              </span>
              {item.error ? (
                <span role="alert" className="text-red-700">
                  {item.error}
                </span>
              ) : item.id ? (
                <span className="text-emerald-700">Ready</span>
              ) : (
                <progress value={item.progress} max={1} aria-label={`Uploading ${item.name}`} className="h-2 w-24" />
              )}
              {item.id ? <input type="hidden" name="attachmentIds" value={item.id} /> : null}
              <button
                type="button"
                className="text-slate-500 hover:text-slate-900"
                aria-label={`Remove ${item.name}`}
                onClick={() => {
                  running.current.get(item.key)?.abort();
                  setItems((all) => all.filter((other) => other.key !== item.key));
                }}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
