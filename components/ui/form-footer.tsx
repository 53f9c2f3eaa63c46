// The end of a two-column entity form: what the server refused, then the submit button, which says when it is saving.
import { Button } from "./button";
import { FormErrors, type ActionResult } from "./form-errors";

export function FormFooter({ result, pending, label }: { result: ActionResult; pending: boolean; label: string }) {
  return (
    <div className="space-y-3 sm:col-span-2">
      <FormErrors result={result} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
    </div>
  );
}
