import type { TCourse } from '../../../contracts/training.js';
import { orNull } from '../../ui/forms/values.js';
import { findingKey } from './training-words.js';

/** A course as its form holds it (strings and flags, as inputs do); the contract checks the body. */
export interface CourseValues {
  title: string;
  strand: string;
  targetServiceKinds: string[];
  targetProfessions: string[];
  objectives: string;
  hours: string;
  trainers: string;
  attendanceThreshold: string;
  approvalRequired: boolean;
  creditScheme: string;
  credits: string;
  accreditationRef: string;
  /** The cited findings, each as `topic|subject`. */
  findings: string[];
}

export function newCourseValues(): CourseValues {
  return {
    title: '',
    strand: 'ethnoclinical',
    targetServiceKinds: [],
    targetProfessions: [],
    objectives: '',
    hours: '',
    trainers: '',
    attendanceThreshold: '75',
    approvalRequired: false,
    creditScheme: '',
    credits: '',
    accreditationRef: '',
    findings: [],
  };
}

export function courseToValues(course: TCourse): CourseValues {
  return {
    title: course.title,
    strand: course.strand,
    targetServiceKinds: [...course.targetServiceKinds],
    targetProfessions: [...course.targetProfessions],
    objectives: course.objectives,
    hours: String(course.hours),
    trainers: course.trainers,
    attendanceThreshold: String(course.attendanceThreshold),
    approvalRequired: course.approvalRequired,
    creditScheme: course.creditScheme ?? '',
    credits: course.credits === null ? '' : String(course.credits),
    accreditationRef: course.accreditationRef ?? '',
    findings: course.findings.map(findingKey),
  };
}

/** A number input's text: NaN (refused by the contract) when empty or not a number. */
const toNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));
/** An optional number: null when empty. */
const orNumber = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/** The request body the form's values make (`ZCourseInputSchema`). */
export function courseToInput(v: CourseValues) {
  return {
    title: v.title.trim(),
    strand: v.strand,
    targetServiceKinds: v.targetServiceKinds,
    targetProfessions: v.targetProfessions,
    objectives: v.objectives.trim(),
    hours: toNumber(v.hours),
    trainers: v.trainers.trim(),
    attendanceThreshold: toNumber(v.attendanceThreshold),
    approvalRequired: v.approvalRequired,
    creditScheme: orNull(v.creditScheme),
    credits: orNumber(v.credits),
    accreditationRef: orNull(v.accreditationRef),
    findings: v.findings.map((key) => {
      const [topic = '', ...rest] = key.split('|');
      return { topic, subject: rest.join('|') };
    }),
  };
}
