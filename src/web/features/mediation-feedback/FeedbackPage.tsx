import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  FEEDBACK_ANSWERS,
  FEEDBACK_QUESTIONS,
  ZPersonFeedbackInputSchema,
} from '../../../contracts/mediation.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { AnswerFace } from './AnswerFace.js';
import {
  FEEDBACK_LANGUAGES,
  FEEDBACK_WORDS,
  type FeedbackLanguageChoice,
  type FeedbackWords,
  feedbackLanguageFor,
  isFeedbackLanguage,
  type TFeedbackQuestion,
  wordsOf,
} from './feedback-words.js';
import { useFeedbackPage, useSendFeedback } from './mediation-feedback-api.js';

/** Nothing is chosen at first: every answer is the person's own click. */
type Answers = z.input<typeof ZPersonFeedbackInputSchema>;
const resolver = zodResolver(ZPersonFeedbackInputSchema);

/** A link that is unknown, expired or has all its answers, on opening or on sending: no detail why. */
const isClosed = (error: unknown) => isApiError(error) && [404, 409, 410].includes(error.status);

/**
 * The page the person mediated answers on, without an account: on the practitioner's device or
 * their own phone through a printed QR. Three questions in their language (the request's, which
 * they may change), each answer a big button with a face and its words; right to left for Arabic
 * and Urdu. Anonymous: no name is asked, nothing is kept on the device.
 */
export function FeedbackPage({ token }: { token: string }) {
  const locale = useLocale();
  const page = useFeedbackPage(token);
  // Chosen by the person; until then the request's language (or, with no link, the screen's).
  const [chosen, setChosen] = useState<FeedbackLanguageChoice | null>(null);
  if (page.isPending) return <Loading />;
  const closed = page.isError ? isClosed(page.error) : !page.data.open;
  const choice = chosen ?? feedbackLanguageFor(page.data?.language ?? locale);
  return (
    <FeedbackFrame choice={choice} onChoose={setChosen}>
      {(words, beside) =>
        page.isError && !closed ? (
          <Notice tone="danger" words={words.failed} beside={beside?.failed} />
        ) : closed ? (
          <Notice tone="info" words={words.closed} beside={beside?.closed} />
        ) : (
          <Questions token={token} words={words} beside={beside} />
        )
      }
    </FeedbackFrame>
  );
}

/**
 * The page in one language: `lang` and `dir` on its own frame (the app's header and footer keep
 * the screen's language), the title, and the switcher to another language.
 */
function FeedbackFrame({
  choice,
  onChoose,
  children,
}: {
  choice: FeedbackLanguageChoice;
  onChoose: (choice: FeedbackLanguageChoice) => void;
  children: (words: FeedbackWords, beside: FeedbackWords | null) => ReactNode;
}) {
  const { words, beside } = wordsOf(choice);
  return (
    <div lang={choice.language} dir={words.dir} className="fs-5">
      <LanguageSwitcher value={choice.language} words={words} onChoose={onChoose} />
      <PageHeading title={words.title}>
        {beside && (
          <p lang="it" dir="ltr" className="mb-0">
            {beside.title}
          </p>
        )}
      </PageHeading>
      {children(words, beside)}
    </div>
  );
}

function LanguageSwitcher({
  value,
  words,
  onChoose,
}: {
  value: string;
  words: FeedbackWords;
  onChoose: (choice: FeedbackLanguageChoice) => void;
}) {
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor="feedback-language">
        <Globe />
        {words.language}
        {value !== 'it' && (
          <span lang="it" dir="ltr">
            {' · '}
            {FEEDBACK_WORDS.it.language}
          </span>
        )}
      </label>
      <select
        id="feedback-language"
        value={value}
        onChange={(e) => {
          if (isFeedbackLanguage(e.target.value)) onChoose({ language: e.target.value, fallback: false });
        }}
      >
        {FEEDBACK_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {FEEDBACK_WORDS[code].name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A globe: "language" for someone who does not read the word. */
function Globe() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className="me-1">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M2 12h20M12 2c3 3 4 6.5 4 10s-1 7-4 10M12 2c-3 3-4 6.5-4 10s1 7 4 10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
    </svg>
  );
}

function Notice({
  tone,
  words,
  beside,
}: {
  tone: 'info' | 'danger' | 'success';
  words: string;
  beside?: string;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <p className="mb-0">{words}</p>
      {beside && (
        <p lang="it" dir="ltr" className="mb-0 mt-2">
          {beside}
        </p>
      )}
    </div>
  );
}

function Questions({
  token,
  words,
  beside,
}: {
  token: string;
  words: FeedbackWords;
  beside: FeedbackWords | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const send = useSendFeedback(token);
  const form = useForm<Answers, unknown, Answers>({ resolver });
  const answers = form.watch();
  const missing = Object.keys(form.formState.errors).length > 0;
  const thanks = useRef<HTMLDivElement>(null);
  const submit = form.handleSubmit((values) => send.mutate(values));

  useEffect(() => {
    if (send.isSuccess) thanks.current?.focus();
  }, [send.isSuccess]);

  if (send.isSuccess)
    return (
      <div ref={thanks} tabIndex={-1}>
        <div className="alert alert-success d-flex align-items-center gap-3" role="status">
          <AnswerFace answer="yes" size={56} />
          <div>
            <p className="mb-0 fw-semibold">{words.thanks}</p>
            {beside && (
              <p lang="it" dir="ltr" className="mb-0 mt-2">
                {beside.thanks}
              </p>
            )}
          </div>
        </div>
        <p className="fs-6" lang={locale} dir="ltr">
          {t('mediationFeedback.handBack')}
        </p>
      </div>
    );
  if (isClosed(send.error)) return <Notice tone="info" words={words.closed} beside={beside?.closed} />;

  return (
    <form onSubmit={submit} noValidate>
      <p>{words.intro}</p>
      {beside && (
        <p lang="it" dir="ltr">
          {beside.intro}
        </p>
      )}
      {FEEDBACK_QUESTIONS.map((question) => (
        <Question
          key={question}
          question={question}
          words={words}
          beside={beside}
          value={answers[question]}
          register={form.register}
        />
      ))}
      {missing && <Notice tone="danger" words={words.missing} beside={beside?.missing} />}
      {send.isError && <Notice tone="danger" words={words.failed} beside={beside?.failed} />}
      <button type="submit" className="btn btn-primary btn-lg w-100 py-3" disabled={send.isPending}>
        {words.send}
        {beside && <span lang="it"> · {beside.send}</span>}
      </button>
      <p className="fs-6 mt-4" lang={locale} dir="ltr">
        {t('mediationFeedback.anonymous')}
      </p>
    </form>
  );
}

/** One question: its three answers as big buttons (radio buttons underneath), face above words. */
function Question({
  question,
  words,
  beside,
  value,
  register,
}: {
  question: TFeedbackQuestion;
  words: FeedbackWords;
  beside: FeedbackWords | null;
  value: string | undefined;
  register: UseFormRegister<Answers>;
}) {
  return (
    <fieldset className="mb-4">
      <legend className="fs-4 fw-semibold mb-2">
        {words.questions[question]}
        {beside && (
          <span lang="it" dir="ltr" className="d-block fs-6 fw-normal mt-1">
            {beside.questions[question]}
          </span>
        )}
      </legend>
      <div className="d-flex gap-2">
        {FEEDBACK_ANSWERS.map((answer) => {
          const id = `${question}-${answer}`;
          const checked = value === answer;
          return (
            <div key={answer} className="flex-fill" style={{ flexBasis: 0 }}>
              <input type="radio" className="btn-check" id={id} value={answer} {...register(question)} />
              <label
                htmlFor={id}
                className={`btn ${checked ? 'btn-primary' : 'btn-outline-primary'} w-100 h-100 d-flex flex-column align-items-center justify-content-center gap-2 py-3 px-1`}
                style={{ minHeight: '8.5rem', whiteSpace: 'normal' }}
              >
                <AnswerFace answer={answer} />
                <span className="fs-5">{words.answers[answer]}</span>
                {beside && (
                  <span lang="it" className="small">
                    {beside.answers[answer]}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
