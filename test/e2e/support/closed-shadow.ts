// The prompts live in a closed shadow root, which Playwright's locators can't enter (that is the
// point: the page can't either). The browser's accessibility tree can, as a screen reader does,
// so these helpers read a prompt and press its buttons through it, with a real mouse click at
// the button's place on screen.
import type { CDPSession, Page } from '@playwright/test';

interface AxNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
  childIds?: string[];
  parentId?: string;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let found = sessions.get(page);
  if (!found) {
    found = page
      .context()
      .newCDPSession(page)
      .then(async (cdp) => {
        await cdp.send('Accessibility.enable');
        await cdp.send('DOM.enable');
        return cdp;
      });
    sessions.set(page, found);
  }
  return found;
}

/** Every node, ignored ones too: a layout-only container is ignored, but its children aren't. */
async function axNodes(page: Page): Promise<AxNode[]> {
  const cdp = await session(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as {
    nodes: AxNode[];
  };
  return nodes;
}

export interface PromptView {
  role: string;
  /** The dialog's accessible name (its heading). */
  title: string;
  /** Every piece of text inside it, in order, joined with spaces. */
  text: string;
  /** Its buttons' accessible names, in order. */
  buttons: string[];
}

const PROMPT_ROLES = new Set(['alertdialog', 'dialog']);

/** The prompt on the page (in the main frame), or null when none is shown. */
export async function readPrompt(page: Page): Promise<PromptView | null> {
  const nodes = await axNodes(page);
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const dialog = nodes.find((node) => !node.ignored && PROMPT_ROLES.has(node.role?.value ?? ''));
  if (!dialog) return null;
  const texts: string[] = [];
  const buttons: string[] = [];
  const walk = (node: AxNode | undefined) => {
    if (!node) return;
    for (const child of node.ignored ? (node.childIds ?? []) : []) walk(byId.get(child));
    if (node.ignored) return;
    const role = node.role?.value ?? '';
    const name = node.name?.value?.trim() ?? '';
    if (role === 'button') buttons.push(name);
    if ((role === 'StaticText' || role === 'textbox') && name) texts.push(name);
    for (const child of node.childIds ?? []) walk(byId.get(child));
  };
  walk(dialog);
  return {
    role: dialog.role?.value ?? '',
    title: dialog.name?.value ?? '',
    text: texts.join(' '),
    buttons,
  };
}

/** Waits for a prompt to be shown, and returns it. */
export async function waitForPrompt(page: Page, timeoutMs = 5_000): Promise<PromptView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const prompt = await readPrompt(page);
    if (prompt) return prompt;
    if (Date.now() > until) throw new Error('No prompt was shown.');
    await page.waitForTimeout(100);
  }
}

/** Clicks the prompt's button with this accessible name, as a pupil's mouse would. */
export async function pressPromptButton(page: Page, name: string | RegExp): Promise<void> {
  const nodes = await axNodes(page);
  const matches = (value: string) =>
    typeof name === 'string' ? value.trim() === name : name.test(value);
  const button = nodes.find(
    (node) => !node.ignored && node.role?.value === 'button' && matches(node.name?.value ?? ''),
  );
  if (!button?.backendDOMNodeId) throw new Error(`The prompt has no button named ${String(name)}.`);
  const cdp = await session(page);
  const { model } = (await cdp.send('DOM.getBoxModel', {
    backendNodeId: button.backendDOMNodeId,
  })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}
