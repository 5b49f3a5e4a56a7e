# Time by phase — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-phases.svg'
set title 'Time by phase — dup-sweep'
set key outside right top noenhanced
set grid ytics
set style fill solid 0.85 border -1
set boxwidth 0.7
set xrange [-0.6:43.6]
set ylabel 'seconds (median)'
set yrange [0:*]
set xtics ('bronze_append / 0' 0, 'bronze_append / 0.05' 1, 'bronze_append / 0.1' 2, 'bronze_append / 0.15' 3, 'bronze_append / 0.2' 4, 'bronze_append / 0.25' 5, 'bronze_append / 0.3' 6, 'bronze_append / 0.35' 7, 'bronze_append / 0.4' 8, 'bronze_append / 0.45' 9, 'bronze_append / 0.5' 10, 'delta_merge / 0' 11, 'delta_merge / 0.05' 12, 'delta_merge / 0.1' 13, 'delta_merge / 0.15' 14, 'delta_merge / 0.2' 15, 'delta_merge / 0.25' 16, 'delta_merge / 0.3' 17, 'delta_merge / 0.35' 18, 'delta_merge / 0.4' 19, 'delta_merge / 0.45' 20, 'delta_merge / 0.5' 21, 'eager_dedup / 0' 22, 'eager_dedup / 0.05' 23, 'eager_dedup / 0.1' 24, 'eager_dedup / 0.15' 25, 'eager_dedup / 0.2' 26, 'eager_dedup / 0.25' 27, 'eager_dedup / 0.3' 28, 'eager_dedup / 0.35' 29, 'eager_dedup / 0.4' 30, 'eager_dedup / 0.45' 31, 'eager_dedup / 0.5' 32, 'polars_merge / 0' 33, 'polars_merge / 0.05' 34, 'polars_merge / 0.1' 35, 'polars_merge / 0.15' 36, 'polars_merge / 0.2' 37, 'polars_merge / 0.25' 38, 'polars_merge / 0.3' 39, 'polars_merge / 0.35' 40, 'polars_merge / 0.4' 41, 'polars_merge / 0.45' 42, 'polars_merge / 0.5' 43) rotate by -35
plot 'dup-sweep-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'dup-sweep-phases.png'
replot
unset output
