/**
 * The application page's script: the province → city → county picker (from
 * `/apply/divisions.json`), the introduction counters, the check, and the two downloads made on
 * the device. The rules are application.ts; this only reads and writes the page.
 * Pure (no file, no Astro content, no build environment): it runs in the browser, on the page
 * (reads and writes its document, fetches the division table).
 */
import {
  applicationProblems,
  characterCount,
  contactSheet,
  draftFolder,
  draftRecord,
  INTRODUCTION_MAX,
  type Application,
} from './application.ts';

type Division = [string, string, Division[]?];

const messages = {
  zh: {
    required: '请填写此项。',
    phone: '电话格式不正确：手机号为 11 位，座机请带区号（如 020-12345678）。',
    tooLong: (n: number) => `已有 ${n} 字，超过 ${INTRODUCTION_MAX} 字上限，请精简。`,
    checked: (folder: string) =>
      `已检查，没有问题。草稿记录放入 content/clusters/${folder}/index.md 后运行 npm run check。`,
    problems: (n: number) => `有 ${n} 处需要修改，见标红的说明。`,
    choose: '请选择',
    none: '（无下级）',
  },
  en: {
    required: 'Please fill this in.',
    phone:
      'Not a phone number: a mobile has 11 digits; give a landline with its area code (020-12345678).',
    tooLong: (n: number) =>
      `${n} characters: more than the ${INTRODUCTION_MAX} allowed. Please shorten it.`,
    checked: (folder: string) =>
      `Checked, nothing to fix. Put the draft in content/clusters/${folder}/index.md and run npm run check.`,
    problems: (n: number) => `${n} things to fix: see the notes in red.`,
    choose: 'Choose',
    none: '(none)',
  },
};

function fillSelect(select: HTMLSelectElement, items: Division[], placeholder: string): void {
  select.replaceChildren(
    new Option(placeholder, ''),
    ...items.map(([code, name]) => new Option(name, code)),
  );
  select.disabled = items.length === 0;
}

export function wireApplicationForm(): void {
  const form = document.querySelector<HTMLFormElement>('#application');
  if (!form) return;
  const lang = form.dataset['lang'] === 'en' ? 'en' : 'zh';
  const text = messages[lang];
  const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T;
  const province = field<HTMLSelectElement>('province');
  const city = field<HTMLSelectElement>('city');
  const county = field<HTMLSelectElement>('county');
  let tree: Division[] = [];
  const children = (list: Division[], code: string) => list.find((d) => d[0] === code)?.[2] ?? [];

  fetch('/apply/divisions.json')
    .then((r) => (r.ok ? r.json() : []))
    .then((data: Division[]) => {
      tree = data;
      form.dataset['ready'] = 'true';
    })
    .catch(() => {
      form.dataset['ready'] = 'true';
    });
  province.addEventListener('change', () => {
    fillSelect(city, children(tree, province.value), text.choose);
    fillSelect(county, [], text.choose);
  });
  city.addEventListener('change', () => {
    fillSelect(county, children(children(tree, province.value), city.value), text.choose);
  });

  for (const counter of form.querySelectorAll<HTMLElement>('[data-counter-for]')) {
    const input = field<HTMLTextAreaElement>(counter.dataset['counterFor'] ?? '');
    const update = () => {
      const n = characterCount(input.value);
      counter.textContent = `${n} / ${INTRODUCTION_MAX}`;
      counter.toggleAttribute('data-over', n > INTRODUCTION_MAX);
    };
    input.addEventListener('input', update);
    update();
  }

  const value = (name: string) => field<HTMLInputElement>(name).value;
  const chosenName = (select: HTMLSelectElement) =>
    select.value ? (select.selectedOptions[0]?.textContent ?? '') : '';
  const read = (): Application => ({
    province: province.value,
    city: city.value || undefined,
    county: county.value || undefined,
    place: {
      zh: [province, city, county].map(chosenName).join(''),
      en: value('place-en'),
    },
    name: { zh: value('name-zh'), en: value('name-en') },
    applicant: { zh: value('applicant-zh'), en: value('applicant-en') },
    introduction: { zh: value('introduction-zh'), en: value('introduction-en') },
    contact: {
      person: value('contact-person'),
      title: value('contact-title'),
      phone: value('contact-phone'),
    },
  });

  const status = document.querySelector<HTMLElement>('#application-status');
  const downloads = document.querySelector<HTMLElement>('#application-downloads');
  const links: HTMLAnchorElement[] = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const application = read();
    const problems = applicationProblems(application);
    for (const element of form.querySelectorAll<HTMLElement>('[name]')) {
      const name = element.getAttribute('name') ?? '';
      const problem = problems[name];
      const note = document.getElementById(`${name}-error`);
      element.toggleAttribute('aria-invalid', problem !== undefined);
      if (!note) continue;
      note.hidden = problem === undefined;
      note.textContent =
        problem === undefined
          ? ''
          : problem === 'phone'
            ? text.phone
            : problem.startsWith('too-long:')
              ? text.tooLong(Number(problem.slice('too-long:'.length)))
              : text.required;
    }
    for (const link of links.splice(0)) URL.revokeObjectURL(link.href);
    const count = Object.keys(problems).length;
    if (count > 0) {
      if (downloads) downloads.hidden = true;
      if (status) status.textContent = text.problems(count);
      form.querySelector<HTMLElement>('[aria-invalid]')?.focus();
      return;
    }
    const id = form.dataset['nextId'] ?? 'BGJ-000000';
    const today = new Date().toISOString().slice(0, 10);
    const files = {
      draft: new Blob([draftRecord(application, id, today)], { type: 'text/markdown' }),
      contact: new Blob([contactSheet(application, id, today)], { type: 'text/plain' }),
    };
    for (const link of form.querySelectorAll<HTMLAnchorElement>('[data-download]')) {
      const kind = link.dataset['download'] === 'contact' ? 'contact' : 'draft';
      link.href = URL.createObjectURL(files[kind]);
      links.push(link);
    }
    if (downloads) downloads.hidden = false;
    if (status) status.textContent = text.checked(draftFolder(application));
  });
  form.querySelector('[data-action="print"]')?.addEventListener('click', () => window.print());
}
