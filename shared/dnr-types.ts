// The subset of chrome.declarativeNetRequest.Rule the compiler emits, declared here so that
// shared/ stays free of browser types. It is structurally assignable to Chrome's type.
export type DnrResourceType =
  'main_frame' | 'sub_frame' | 'xmlhttprequest' | 'script' | 'image' | 'media' | 'other';

export interface DnrCondition {
  urlFilter?: string;
  regexFilter?: string;
  isUrlFilterCaseSensitive?: boolean;
  requestDomains?: string[];
  resourceTypes: DnrResourceType[];
}

export interface DnrQueryTransform {
  addOrReplaceParams: { key: string; value: string }[];
}

export type DnrAction =
  | { type: 'allow' }
  | { type: 'block' }
  | { type: 'redirect'; redirect: { regexSubstitution: string } }
  | { type: 'redirect'; redirect: { transform: { queryTransform: DnrQueryTransform } } }
  | {
      type: 'modifyHeaders';
      requestHeaders: { header: string; operation: 'set'; value: string }[];
    };

export interface DnrRule {
  id: number;
  priority: number;
  action: DnrAction;
  condition: DnrCondition;
}

/** Chrome's limits for one extension (chrome.declarativeNetRequest constants, Chrome 121+). */
export const DNR_LIMITS = {
  dynamicRules: 30_000,
  unsafeDynamicRules: 5_000,
  regexRules: 1_000,
} as const;
