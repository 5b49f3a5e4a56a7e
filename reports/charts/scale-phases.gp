# Time by phase — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-phases.svg'
set title 'Time by phase — scale'
set key outside right top noenhanced
set grid ytics
set style fill solid 0.85 border -1
set boxwidth 0.7
set xrange [-0.6:27.6]
set ylabel 'seconds (median)'
set yrange [0:*]
set xtics ('bronze_append / 10000' 0, 'bronze_append / 31623' 1, 'bronze_append / 100000' 2, 'bronze_append / 316228' 3, 'bronze_append / 1000000' 4, 'bronze_append / 3162278' 5, 'bronze_append / 10000000' 6, 'delta_merge / 10000' 7, 'delta_merge / 31623' 8, 'delta_merge / 100000' 9, 'delta_merge / 316228' 10, 'delta_merge / 1000000' 11, 'delta_merge / 3162278' 12, 'delta_merge / 10000000' 13, 'eager_dedup / 10000' 14, 'eager_dedup / 31623' 15, 'eager_dedup / 100000' 16, 'eager_dedup / 316228' 17, 'eager_dedup / 1000000' 18, 'eager_dedup / 3162278' 19, 'eager_dedup / 10000000' 20, 'polars_merge / 10000' 21, 'polars_merge / 31623' 22, 'polars_merge / 100000' 23, 'polars_merge / 316228' 24, 'polars_merge / 1000000' 25, 'polars_merge / 3162278' 26, 'polars_merge / 10000000' 27) rotate by -35
plot 'scale-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-phases.png'
replot
unset output
