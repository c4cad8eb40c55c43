import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFamilyNetwork } from '../../../contracts/tutela.js';
import { GENOGRAM, type GenogramNode, type LinkStyle, layoutGenogram } from './genogram-layout.js';

const DASH: Record<LinkStyle, string | undefined> = { solid: undefined, dashed: '7 4', dotted: '2 4' };
const INK = '#1a1a1a';

/**
 * The genogram drawn from the relations: one image (`role="img"`, named and described), whose
 * every fact the relations table beside it says in words. It scales to the width it is given, so at
 * 390 px it shrinks instead of making the page scroll sideways.
 */
export function Genogram({ network }: { network: TFamilyNetwork }) {
  const { t } = useTranslation();
  const descriptionId = useId();
  const layout = useMemo(
    () => layoutGenogram({ people: network.people, relations: network.relations }),
    [network],
  );
  if (layout.nodes.length === 0) return null;
  const outside = layout.nodes.filter((n) => n.outside).length;
  return (
    <figure className="mb-4">
      <svg
        role="img"
        aria-label={t('householdFamily.genogram.label', {
          people: layout.nodes.length,
          relations: layout.links.length,
        })}
        aria-describedby={descriptionId}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMidYMin meet"
        className="d-block mx-auto"
        style={{ width: '100%', maxWidth: layout.width, height: 'auto' }}
      >
        <g fill="none" stroke={INK} strokeWidth={1.5}>
          {layout.links.map((link) => (
            <path key={link.id} d={link.path} strokeDasharray={DASH[link.style]} />
          ))}
        </g>
        {layout.nodes.map((node) => (
          <PersonSymbol key={node.id} node={node} />
        ))}
      </svg>
      <figcaption id={descriptionId} className="small mt-2">
        {t('householdFamily.genogram.legend')}
        {outside > 0 ? ` ${t('householdFamily.genogram.legendOutside')}` : ''}{' '}
        {t('householdFamily.genogram.legendLines')}
      </figcaption>
    </figure>
  );
}

function PersonSymbol({ node }: { node: GenogramNode }) {
  const { symbol, label } = GENOGRAM;
  const half = symbol / 2;
  const shape = {
    fill: '#ffffff',
    stroke: INK,
    strokeWidth: 2,
    strokeDasharray: node.outside ? '5 3' : undefined,
  };
  return (
    <g>
      {node.shape === 'square' && (
        <rect x={node.x - half} y={node.y - half} width={symbol} height={symbol} {...shape} />
      )}
      {node.shape === 'circle' && <circle cx={node.x} cy={node.y} r={half} {...shape} />}
      {node.shape === 'diamond' && (
        <polygon
          points={`${node.x},${node.y - half} ${node.x + half},${node.y} ${node.x},${node.y + half} ${node.x - half},${node.y}`}
          {...shape}
        />
      )}
      <text x={node.x} y={node.y + half + 15} textAnchor="middle" fontSize={13} fontWeight={600} fill={INK}>
        {truncate(node.givenName)}
      </text>
      {node.birthYear !== null && (
        <text x={node.x} y={node.y + half + label - 4} textAnchor="middle" fontSize={12} fill={INK}>
          {node.birthYear}
        </text>
      )}
    </g>
  );
}

/** A long given name would run into the neighbour's: the table beside it gives it whole. */
function truncate(name: string): string {
  return name.length > 13 ? `${name.slice(0, 12)}…` : name;
}
