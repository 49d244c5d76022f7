import type { AddonDetail } from "@/lib/desk/addons/admin";
import { TextField } from "@/components/ui/text-field";
import { MIN_CONTRAST_WITH_WHITE } from "@/widget/protocol/branding";

type Props = {
  addon: AddonDetail;
  /** The typed value after a refused save, else the saved one. */
  text(name: string, saved: string | null): string;
  fields: Record<string, string | undefined>;
};

/** The add-on's widget branding: what the frame's header, Home and the page's launcher show. */
export function WidgetBrandingFields({ addon, text, fields }: Props) {
  const position = text("launcherPosition", addon.launcherPosition);
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-slate-800">Widget</legend>
      <TextField
        name="widgetTitle"
        label="Title"
        maxLength={60}
        defaultValue={text("widgetTitle", addon.widgetTitle)}
        placeholder={addon.name}
        hint="The widget's header. Empty: the add-on's name."
        error={fields.widgetTitle}
      />
      <TextField
        name="widgetGreeting"
        label="Greeting"
        maxLength={200}
        defaultValue={text("widgetGreeting", addon.widgetGreeting)}
        placeholder="Hi! How can we help?"
        hint="Shown on the widget's Home, up to 200 characters. Empty: none."
        error={fields.widgetGreeting}
      />
      <TextField
        name="accentColor"
        label="Accent colour"
        type="color"
        className="max-w-40"
        defaultValue={text("accentColor", addon.accentColor)}
        hint={`The launcher and the header put white text on it, so it needs a contrast of at least ${MIN_CONTRAST_WITH_WHITE}:1 with white.`}
        error={fields.accentColor}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Launcher position</legend>
        <div className="flex gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="launcherPosition" value="bottom-right" defaultChecked={position === "bottom-right"} /> Bottom right
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="launcherPosition" value="bottom-left" defaultChecked={position === "bottom-left"} /> Bottom left
          </label>
        </div>
        {fields.launcherPosition ? <p className="text-sm text-red-600">{fields.launcherPosition}</p> : null}
      </fieldset>
    </fieldset>
  );
}
